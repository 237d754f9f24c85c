using ImageTools.Emulator;

// First, before anything initialises the runtime's signal handling (see ShutdownSignals).
ShutdownSignals.RestoreInheritedIgnored();

try
{
    var options = EmulatorOptions.Parse(args, out var connectionFile);

    // SIGTERM, SIGINT (Ctrl+C) and SIGQUIT stop the server and exit 0, also in the background
    // (where Console.CancelKeyPress may never fire); a second signal ends the process at once.
    var (stopSignal, registrations) = ShutdownSignals.Register();
    using (registrations)
    {
        await using var server = await EmulatorServer.StartAsync(options);
        if (connectionFile is not null) await server.WriteConnectionFileAsync(connectionFile);
        Console.WriteLine($"ImageTools emulator listening on {server.Endpoint} (thumbprint {server.CertificateThumbprint}, subscription {server.SubscriptionId})");
        var signal = await stopSignal;
        Console.WriteLine($"ImageTools emulator stopping ({signal})");
        await server.DisposeAsync();
        Console.WriteLine("ImageTools emulator stopped");
    }
    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
