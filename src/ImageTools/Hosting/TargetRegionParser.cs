using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using ImageTools.Engine;
using ImageTools.Engine.Hosting;
using ImageTools.Engine.Requests;

namespace ImageTools.Hosting
{
    /// <summary>
    /// Reads -TargetRegion the ways users write it: strings "eastus=2", "westeurope",
    /// "eastus=2=Standard_ZRS" (a comma list in one string works too), and hashtables like Az's
    /// <c>@{Name='eastus'; ReplicaCount=2; StorageAccountType='Standard_ZRS'; ExcludeFromLatest=$true}</c>
    /// (RegionalReplicaCount is accepted for ReplicaCount): PowerShell-shaped input, read by the
    /// cmdlet before the engine is called. Only the syntax is checked here; the
    /// publish preflight owns the rules (duplicates, replica range, storage types, source region).
    /// </summary>
    internal static class TargetRegionParser
    {
        public const string RuleId = ErrorIds.TargetRegionInvalid;

        /// <summary>Strings and hashtables as they are; a PSCustomObject as a table of its properties.</summary>
        public static object? Unwrap(object? item)
        {
            if (item is PSObject ps && ps.BaseObject is PSCustomObject)
                return ps.Properties.ToDictionary(p => p.Name, p => p.Value is PSObject v ? v.BaseObject : p.Value);
            return item is PSObject wrapped ? wrapped.BaseObject : item;
        }

        /// <summary>Parses each item: a string or an IDictionary (PowerShell wrappers already removed).</summary>
        public static List<TargetRegionRequest> Parse(IEnumerable<object?>? items)
        {
            var result = new List<TargetRegionRequest>();
            if (items == null)
                return result;
            foreach (object? item in items)
            {
                switch (item)
                {
                    case null:
                        break;
                    case string text:
                        foreach (string part in text.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries))
                        {
                            if (part.Trim().Length > 0)
                                result.Add(ParseText(part.Trim()));
                        }
                        break;
                    case IDictionary table:
                        result.Add(ParseTable(table));
                        break;
                    default:
                        throw Invalid($"'{item}' ({item.GetType().Name}) is not a region: give \"name=replicas\" strings or hashtables with Name and ReplicaCount.");
                }
            }
            return result;
        }

        private static TargetRegionRequest ParseText(string text)
        {
            string[] fields = text.Split('=');
            if (fields.Length > 3 || fields[0].Trim().Length == 0)
                throw Invalid($"'{text}' is not a target region: write \"name\", \"name=replicas\" or \"name=replicas=storageType\".");
            var region = new TargetRegionRequest { Name = fields[0].Trim() };
            if (fields.Length >= 2)
                region.ReplicaCount = ParseCount(fields[1].Trim(), text);
            if (fields.Length == 3)
                region.StorageAccountType = NonEmpty(fields[2].Trim(), text);
            return region;
        }

        private static TargetRegionRequest ParseTable(IDictionary table)
        {
            var region = new TargetRegionRequest();
            foreach (DictionaryEntry entry in table)
            {
                string key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "";
                object? value = entry.Value;
                switch (key.ToLowerInvariant())
                {
                    case "name":
                    case "region":
                        region.Name = Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "";
                        break;
                    case "replicacount":
                    case "regionalreplicacount":
                        region.ReplicaCount = value is string s ? ParseCount(s, Describe(table)) : ToInt(value, table);
                        break;
                    case "storageaccounttype":
                        region.StorageAccountType = NonEmpty(Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "", Describe(table));
                        break;
                    case "excludefromlatest":
                        region.ExcludeFromLatest = ToBool(value, table);
                        break;
                    default:
                        throw Invalid($"Unknown key '{key}' in target region {Describe(table)}: use Name, ReplicaCount, StorageAccountType, ExcludeFromLatest.");
                }
            }
            if (region.Name.Length == 0)
                throw Invalid($"Target region {Describe(table)} has no Name.");
            return region;
        }

        private static int ParseCount(string text, string context)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int count))
                throw Invalid($"Replica count '{text}' in '{context}' is not a whole number.");
            return count;
        }

        private static int ToInt(object? value, IDictionary table)
        {
            try { return Convert.ToInt32(value, CultureInfo.InvariantCulture); }
            catch (Exception ex) when (ex is FormatException || ex is InvalidCastException || ex is OverflowException)
            {
                throw Invalid($"ReplicaCount '{value}' in target region {Describe(table)} is not a whole number.");
            }
        }

        private static bool ToBool(object? value, IDictionary table)
        {
            if (value is bool b) return b;
            if (value is string s && bool.TryParse(s, out bool parsed)) return parsed;
            throw Invalid($"ExcludeFromLatest '{value}' in target region {Describe(table)} is not $true or $false.");
        }

        private static string NonEmpty(string value, string context)
        {
            if (value.Length == 0)
                throw Invalid($"Empty storage account type in '{context}'.");
            return value;
        }

        private static string Describe(IDictionary table)
        {
            var parts = new List<string>();
            foreach (DictionaryEntry entry in table)
                parts.Add($"{entry.Key}={entry.Value}");
            return "@{" + string.Join("; ", parts) + "}";
        }

        private static ImageToolsException Invalid(string message) =>
            new ImageToolsException(RuleId, message,
                "Write -TargetRegion eastus=2,westeurope or -TargetRegion @{Name='eastus'; ReplicaCount=2; StorageAccountType='Standard_ZRS'}.",
                category: FailureCategory.InvalidArgument);
    }
}
