using System.Globalization;
using ImageTools.Emulator.Control;

namespace ImageTools.Emulator;

/// <summary>Start options (the command line maps onto these).</summary>
public sealed class EmulatorOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }
    public string? SubscriptionId { get; set; }
    public string? TenantId { get; set; }
    /// <summary>Default duration of long-running operations (0: done by the first poll).</summary>
    public double OperationSeconds { get; set; }
    /// <summary>Seed of the random source used by probabilistic faults.</summary>
    public int? Seed { get; set; }

    /// <summary>Parses --port, --connection-file, --subscription-id, --tenant-id, --operation-seconds, --seed.</summary>
    public static EmulatorOptions Parse(string[] args, out string? connectionFile)
    {
        var options = new EmulatorOptions();
        connectionFile = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"Missing value after {args[i]}.");
            var option = args[i];
            int Int(int min, int max)
            {
                var text = Next();
                return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
                    ? n : throw new ArgumentException($"{option} must be a whole number from {min} to {max}; got '{text}'.");
            }
            string Id()
            {
                var text = Next();
                return Guid.TryParse(text, out var g) ? g.ToString() : throw new ArgumentException($"{option} must be a GUID; got '{text}'.");
            }
            switch (option.ToLowerInvariant())
            {
                case "--port": options.Port = Int(0, 65535); break;
                case "--connection-file": connectionFile = Next(); break;
                case "--subscription-id": options.SubscriptionId = Id(); break;
                case "--tenant-id": options.TenantId = Id(); break;
                case "--operation-seconds":
                    var text = Next();
                    if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds) || seconds < 0 || seconds > TimingSettings.MaxSeconds)
                        throw new ArgumentException($"--operation-seconds must be a number of seconds from 0 to {TimingSettings.MaxSeconds:0} (24 h); got '{text}'.");
                    options.OperationSeconds = seconds;
                    break;
                case "--seed": options.Seed = Int(int.MinValue, int.MaxValue); break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'. Usage: --port <n|0> --connection-file <path> [--subscription-id <guid>] [--tenant-id <guid>] [--operation-seconds <n>] [--seed <n>]");
            }
        }
        return options;
    }
}
