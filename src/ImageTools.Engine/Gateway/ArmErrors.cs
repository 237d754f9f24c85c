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
