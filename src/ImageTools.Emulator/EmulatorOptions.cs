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
            switch (args[i].ToLowerInvariant())
            {
                case "--port": options.Port = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--connection-file": connectionFile = Next(); break;
                case "--subscription-id": options.SubscriptionId = Guid.Parse(Next()).ToString(); break;
                case "--tenant-id": options.TenantId = Guid.Parse(Next()).ToString(); break;
                case "--operation-seconds": options.OperationSeconds = double.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                case "--seed": options.Seed = int.Parse(Next(), System.Globalization.CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'. Usage: --port <n|0> --connection-file <path> [--subscription-id <guid>] [--tenant-id <guid>] [--operation-seconds <n>] [--seed <n>]");
            }
        }
        return options;
    }
}
