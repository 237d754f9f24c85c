using System;
using System.Linq;
using System.Text.Json;
using Azure;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Gateway
{
    /// <summary>Turns the SDK's RequestFailedException into an ImageToolsException that keeps ARM's code and message.</summary>
    internal static class ArmErrors
    {
        public static AzureRequestException From(RequestFailedException e, string action, string target)
        {
            var (code, message) = ReadEnvelope(e);
            if (string.IsNullOrEmpty(code))
                code = e.ErrorCode ?? "";
            var category = e.Status switch
            {
                0 => FailureCategory.ConnectionError,
                400 => FailureCategory.InvalidArgument,
                401 => FailureCategory.PermissionDenied,
                403 => FailureCategory.PermissionDenied,
                404 => FailureCategory.ObjectNotFound,
                409 => FailureCategory.InvalidOperation,
                429 => FailureCategory.QuotaExceeded,
                _ when e.Status >= 500 => FailureCategory.ResourceUnavailable,
                _ => FailureCategory.NotSpecified,
            };
            if (category == FailureCategory.InvalidOperation && code == "Conflict")
                category = FailureCategory.ResourceExists;
            var ruleId = code.Length > 0 ? code : e.Status == 0 ? "AzureUnreachable" : "AzureRequestFailed";
            var status = e.Status == 0 ? "no response" : $"HTTP {e.Status}";
            var text = $"Azure refused to {action} '{target}' ({status}{(code.Length > 0 ? ", " + code : "")}): {message}";
            string? remedy = e.Status switch
            {
                0 => "Check the network path to Azure Resource Manager (proxy, firewall) and rerun; finished steps are recognised.",
                401 => "Sign in again with Connect-ImageTools.",
                403 => "Grant the signed-in identity a role that allows this action on the resource (for example Virtual Machine Contributor), then rerun.",
                404 => "Check the resource id, the resource group and the subscription (-SubscriptionId).",
                429 => "Azure is throttling this subscription; rerun later. Finished steps are recognised.",
                _ when e.Status >= 500 => "Azure failed on its side; rerun later. Finished steps are recognised.",
                _ => null,
            };
            return new AzureRequestException(ruleId, text, remedy, target, category, e.Status, code, message, e);
        }

        /// <summary>
        /// A long-running operation that Azure accepted and that then ended Failed: "the deallocate of
        /// VM 'x' failed in Azure: code: message", with whether a rerun resumes. A poll that itself
        /// failed (no 2xx answer) is mapped as any other response.
        /// </summary>
        public static AzureRequestException FromFailedOperation(RequestFailedException e, string action, string target)
        {
            if (e.Status != 0 && (e.Status < 200 || e.Status > 299))
                return From(e, action, target);
            var (code, message) = ReadEnvelope(e);
            if (string.IsNullOrEmpty(code))
                code = e.ErrorCode ?? "";
            var resumable = IsTransient(code);
            var text = $"The {OperationPhrase(action)} '{NameOf(target)}' failed in Azure: {(code.Length > 0 ? code + ": " : "")}{message}";
            var remedy = resumable
                ? "The failure is on Azure's side and passes: rerun the same command, it resumes (finished steps are recognised and skipped)."
                : "Rerunning alone repeats the failure: fix what the message names first, then rerun the same command (finished steps are recognised and skipped).";
            return new AzureRequestException(code.Length > 0 ? code : "AzureOperationFailed", text, remedy, target,
                resumable ? FailureCategory.ResourceUnavailable : FailureCategory.InvalidOperation, e.Status, code, message, e);
        }

        /// <summary>Codes of failures on Azure's side that a later attempt gets past.</summary>
        private static bool IsTransient(string code) =>
            code.Length == 0 || new[] { "Internal", "Timeout", "TimedOut", "Preempted", "Throttl", "TooMany", "Retry", "Unavailable", "Busy", "Canceled" }
                .Any(k => code.IndexOf(k, StringComparison.OrdinalIgnoreCase) >= 0);

        private static readonly (string Noun, string Short)[] Nouns =
        {
            ("gallery image definition", "gallery image definition"), ("gallery image version", "gallery image version"), ("gallery", "gallery"),
            ("virtual machine", "VM"), ("managed disk", "disk"), ("snapshot", "snapshot"), ("image", "image"),
            ("network interface", "network interface"), ("public IP address", "public IP address"), ("virtual network", "virtual network"),
        };

        private static readonly (string Verb, string Noun)[] Verbs =
        {
            ("create", "creation"), ("delete", "delete"), ("power off", "power-off"), ("run a command in", "run command"),
            ("update the tags of", "tag update"), ("start", "start"), ("deallocate", "deallocate"), ("generalize", "generalize"),
        };

        /// <summary>"deallocate virtual machine" → "deallocate of VM".</summary>
        internal static string OperationPhrase(string action)
        {
            var noun = Nouns.FirstOrDefault(n => action.EndsWith(" " + n.Noun, StringComparison.Ordinal));
            var verb = noun.Noun == null ? action : action.Substring(0, action.Length - noun.Noun.Length - 1);
            var known = Verbs.FirstOrDefault(v => v.Verb == verb);
            return $"{known.Noun ?? verb} of {noun.Short ?? "resource"}";
        }

        private static string NameOf(string target)
        {
            var trimmed = target.TrimEnd('/');
            var slash = trimmed.LastIndexOf('/');
            return slash >= 0 ? trimmed.Substring(slash + 1) : trimmed;
        }

        /// <summary>The SDK's retry policy gave up after transport failures (no response, TLS refused...): one AggregateException of them.</summary>
        public static bool IsRetriesExhausted(AggregateException e) =>
            e.InnerExceptions.Count > 0 && e.InnerExceptions.All(x => x is RequestFailedException);

        public static AzureRequestException From(AggregateException e, string action, string target)
        {
            var last = (RequestFailedException)e.InnerExceptions[e.InnerExceptions.Count - 1];
            var mapped = From(last, action, target);
            var detail = last.InnerException?.InnerException?.Message ?? last.InnerException?.Message;
            return new AzureRequestException(mapped.RuleId,
                $"{mapped.Message}{(detail != null ? " (" + detail + ")" : "")} after {e.InnerExceptions.Count} attempts.",
                mapped.Remedy, target, mapped.Category, mapped.Status, mapped.ArmCode, mapped.ArmMessage, last);
        }

        /// <summary>
        /// error.code / error.message from the response body (a direct error or a failed
        /// long-running operation's status); otherwise the exception's first line.
        /// </summary>
        private static (string code, string message) ReadEnvelope(RequestFailedException e)
        {
            var body = e.GetRawResponse()?.Content?.ToString();
            if (!string.IsNullOrWhiteSpace(body))
            {
                try
                {
                    using var document = JsonDocument.Parse(body!);
                    var root = document.RootElement;
                    if (root.ValueKind == JsonValueKind.Object)
                    {
                        var error = root.TryGetProperty("error", out var inner) && inner.ValueKind == JsonValueKind.Object ? inner : root;
                        var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() ?? "" : "";
                        var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() ?? "" : "";
                        if (message.Length > 0)
                            return (code, message);
                    }
                }
                catch (JsonException)
                {
                }
            }
            var first = e.Message;
            var newline = first.IndexOf('\n');
            return ("", (newline > 0 ? first.Substring(0, newline) : first).Trim());
        }
    }
}
