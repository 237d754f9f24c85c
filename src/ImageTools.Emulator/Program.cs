using ImageTools.Emulator;

try
{
    var options = EmulatorOptions.Parse(args, out var connectionFile);
    await using var server = await EmulatorServer.StartAsync(options);
    if (connectionFile is not null) await server.WriteConnectionFileAsync(connectionFile);
    Console.WriteLine($"ImageTools emulator listening on {server.Endpoint} (thumbprint {server.CertificateThumbprint}, subscription {server.SubscriptionId})");
    var stop = new TaskCompletionSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
    AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.TrySetResult();
    await stop.Task;
    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
