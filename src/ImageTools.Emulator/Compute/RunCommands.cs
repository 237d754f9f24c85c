using System.Text.Json.Nodes;
using ImageTools.Emulator.Arm;
using ImageTools.Emulator.Guest;
using ImageTools.Emulator.Resources;
using ImageTools.Emulator.State;

namespace ImageTools.Emulator.Compute;

/// <summary>
/// Run commands (2023-07-01): the POST runCommand action (LRO, final result at the Location URL) and
/// managed run commands under /virtualMachines/{vm}/runCommands/{name} with an instanceView.
/// </summary>
internal static class RunCommands
{
    private const string Vm = "/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.Compute/virtualMachines/{vm}";
    private static readonly string[] WindowsCommands = { "RunPowerShellScript", "EnableRemotePS", "IPConfig", "EnableAdminAccount", "ResetAccountPassword", "RDPSettings", "SetRDPPort", "ResetRDPCert" };
    private static readonly string[] LinuxCommands = { "RunShellScript", "ifconfig" };

    public static void Map(ArmRouter r)
    {
        r.Post(Vm + "/runCommand", Invoke);
        r.Put(Vm + "/runCommands/{name}", PutManaged);
        r.Patch(Vm + "/runCommands/{name}", PutManaged);
        r.Get(Vm + "/runCommands/{name}", c => ArmResponse.Ok(RenderManaged(Tracked.Require(c, ManagedId(c)), c.QueryIs("$expand", "instanceView"))));
        r.Get(Vm + "/runCommands", c =>
        {
            var vm = VirtualMachines.Require(c);
            return ArmResponse.List(c, c.State.ChildrenOf(vm).Select(x => (JsonNode)RenderManaged(x, c.QueryIs("$expand", "instanceView"))));
        });
        r.Delete(Vm + "/runCommands/{name}", c =>
        {
            VirtualMachines.Require(c);
            return Tracked.DeleteOrNoContent(c, ManagedId(c), rc => Tracked.DeleteLro(c, rc, "runCommandDelete"));
        });
        r.Get("/subscriptions/{sub}/providers/Microsoft.Compute/locations/{loc}/runCommands", c => ArmResponse.List(
            WindowsCommands.Select(id => Describe(id, "Windows")).Concat(LinuxCommands.Select(id => Describe(id, "Linux")))));
    }

    private static JsonNode Describe(string id, string os) => new JsonObject
    {
        ["$schema"] = "http://schema.management.azure.com/schemas/2016-11-17/runcommands.json", ["id"] = id, ["osType"] = os,
        ["label"] = id, ["description"] = id,
    };

    private static ResourceId ManagedId(ArmContext c) => Tracked.RouteId(c, "Microsoft.Compute", "virtualMachines", "vm", "runCommands", "name");

    /// <summary>Checks ARM makes before a run command reaches the guest; returns the agent error to fail the LRO with, if any.</summary>
    private static ArmError? Preconditions(ArmResource vm, VmRuntime rt, string operation)
    {
        if (vm.ProvisioningState is "Creating" or "Deleting") throw ArmErrors.NotAllowedInProgress(operation, vm.Name).AsException();
        if (rt.Generalized) throw ArmErrors.NotAllowedGeneralized(operation, vm.Name).AsException();
        if (rt.PowerState is "deallocated" or "deallocating") throw ArmErrors.NotAllowedDeallocated(operation, vm.Name).AsException();
        if (!rt.Running) throw ArmErrors.RequiresRunning().AsException();
        if (rt.RunCommandConflicts > 0)
        {
            rt.RunCommandConflicts--;
            throw ArmErrors.RunCommandInProgress().AsException();
        }
        if (rt.RunCommandRunning) throw ArmErrors.RunCommandInProgress().AsException();
        return rt.AgentReady ? null : ArmErrors.VmAgentNotReady(vm.Name);
    }

    private static string ScriptOf(JsonNode? scriptNode) => scriptNode switch
    {
        JsonArray lines => string.Join("\n", lines.Select(l => l?.ToString() ?? "")),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => "",
    };

    // ---- POST runCommand ---------------------------------------------------------------------------
    private static ArmResponse Invoke(ArmContext c)
    {
        var vm = VirtualMachines.Require(c);
        var rt = VirtualMachines.RuntimeOf(vm);
        var body = c.Body;
        var commandId = body.Str("commandId") ?? throw ArmErrors.InvalidParameter("Required parameter 'commandId' is missing (null).", "commandId").AsException();
        var windowsCommand = WindowsCommands.FirstOrDefault(x => x.Equals(commandId, StringComparison.OrdinalIgnoreCase));
        var linuxCommand = LinuxCommands.FirstOrDefault(x => x.Equals(commandId, StringComparison.OrdinalIgnoreCase));
        if (windowsCommand is null && linuxCommand is null) throw ArmErrors.RunCommandNotFound().AsException();
        var commandOs = windowsCommand is not null ? "Windows" : "Linux";
        if (commandOs != rt.OsType) throw ArmErrors.RunCommandOsMismatch(commandOs, rt.OsType).AsException();
        var agentError = Preconditions(vm, rt, "RunCommand");

        var script = ScriptOf(body["script"]);
        ScriptResult? result = null;
        rt.RunCommandRunning = true;
        var op = Lro.Start(c, "runCommand", "Microsoft.Compute", vm.Location, () =>
        {
            rt.RunCommandRunning = false;
            result = ScriptInterpreter.Run(c.State, rt, script);
        }, _ => rt.RunCommandRunning = false, plannedFailure: agentError);
        op.FinalResult = () => ArmResponse.Ok(ResultBody(rt, result ?? new ScriptResult("", "", 0)));
        return Lro.Accepted(c, op);
    }

    /// <summary>RunCommandResult: StdOut/StdErr component statuses on Windows; one "Enable succeeded" status on Linux, "Enable failed" with code ProvisioningState/failed when the script exits non-zero.</summary>
    private static JsonObject ResultBody(VmRuntime rt, ScriptResult result)
    {
        JsonArray value;
        if (rt.IsWindows)
        {
            value = new JsonArray(
                new JsonObject { ["code"] = "ComponentStatus/StdOut/succeeded", ["level"] = "Info", ["displayStatus"] = "Provisioning succeeded", ["message"] = result.StdOut },
                new JsonObject { ["code"] = "ComponentStatus/StdErr/succeeded", ["level"] = "Info", ["displayStatus"] = "Provisioning succeeded", ["message"] = result.StdErr });
        }
        else if (result.ExitCode != 0)
        {
            // RunShellScript with a non-zero exit: one failed status, the sections kept.
            value = new JsonArray(new JsonObject
            {
                ["code"] = "ProvisioningState/failed", ["level"] = "Error", ["displayStatus"] = "Provisioning failed",
                ["message"] = $"Enable failed: failed to execute command: command terminated with exit status={result.ExitCode}\n[stdout]\n{result.StdOut}\n\n[stderr]\n{result.StdErr}\n",
            });
        }
        else
        {
            value = new JsonArray(new JsonObject
            {
                ["code"] = "ProvisioningState/succeeded", ["level"] = "Info", ["displayStatus"] = "Provisioning succeeded",
                ["message"] = $"Enable succeeded: \n[stdout]\n{result.StdOut}\n\n[stderr]\n{result.StdErr}\n",
            });
        }
        return new JsonObject { ["value"] = value };
    }

    // ---- managed run commands -------------------------------------------------------------------------
    private static ArmResponse PutManaged(ArmContext c)
    {
        var vm = VirtualMachines.Require(c);
        var rt = VirtualMachines.RuntimeOf(vm);
        var rid = ManagedId(c);
        var body = c.Body;
        var requested = body["properties"] as JsonObject ?? Json.NewObject();
        var source = requested["source"] as JsonObject;
        if (source is null || (source["script"] is null && source["scriptUri"] is null && source["commandId"] is null))
            throw ArmErrors.InvalidParameter("Required parameter 'source' is missing (null). Specify one of 'source.script', 'source.scriptUri' or 'source.commandId'.", "source").AsException();
        if (source["commandId"] is not null && source["script"] is not null)
            throw new ArmError(400, "InvalidParameterConflictingProperties", "The property 'source.commandId' cannot be used together with property 'source.script'.", "source").AsException();
        var agentError = Preconditions(vm, rt, "RunCommand");

        var existing = c.State.Find(rid);
        var properties = Json.CloneObject(requested);
        properties.Remove("runAsPassword");
        properties.Remove("protectedParameters");
        properties["asyncExecution"] ??= false;
        properties["treatFailureAsDeploymentFailure"] ??= false;
        properties["timeoutInSeconds"] ??= 0;
        var location = Regions.Normalize(body.Str("location")) is { Length: > 0 } l ? l : vm.Location;
        var command = new ArmResource(existing?.Rid ?? rid, Tracked.NewBody(existing?.Rid ?? rid, location, Tracked.Tags(body), properties)) { Created = existing?.Created ?? c.State.Now };
        var runtime = new RunCommandRuntime { ExecutionState = "Running", StartTime = c.State.Now };
        command.RunCommand = runtime;
        c.State.Put(command);

        var script = source["script"] is JsonNode s ? ScriptOf(s) : source.Str("scriptUri") ?? source.Str("commandId") ?? "";
        var failOnError = properties.Bool("treatFailureAsDeploymentFailure") ?? false;
        rt.RunCommandRunning = true;
        return Tracked.PutLro(c, command, existing is null, "runCommand", onSucceeded: () =>
        {
            rt.RunCommandRunning = false;
            var result = ScriptInterpreter.Run(c.State, rt, script);
            runtime.Output = result.StdOut;
            runtime.Error = result.StdErr;
            runtime.ExitCode = result.ExitCode;
            runtime.EndTime = c.State.Now;
            runtime.ExecutionState = result.ExitCode == 0 ? "Succeeded" : "Failed";
            runtime.ExecutionMessage = result.ExitCode == 0 ? "" : $"Execution completed with exit code {result.ExitCode}.";
            if (failOnError && result.ExitCode != 0)
                throw new ArmError(400, "VMExtensionProvisioningError", $"VM has reported a failure when processing extension 'RunCommand'. Error message: \"{runtime.ExecutionMessage}\" {result.StdErr}").AsException();
        }, plannedFailure: agentError, onFailed: error =>
        {
            rt.RunCommandRunning = false;
            if (runtime.ExecutionState == "Running") { runtime.ExecutionState = "Failed"; runtime.ExecutionMessage = error.Message; runtime.EndTime = c.State.Now; }
        });
    }

    private static JsonObject RenderManaged(ArmResource command, bool expand)
    {
        var body = Json.CloneObject(command.Body);
        if (expand && command.RunCommand is RunCommandRuntime rc)
        {
            var view = new JsonObject
            {
                ["executionState"] = rc.ExecutionState,
                ["executionMessage"] = rc.ExecutionMessage,
                ["output"] = rc.Output,
                ["error"] = rc.Error,
                ["statuses"] = new JsonArray(),
            };
            if (rc.ExitCode is int code) view["exitCode"] = code;
            if (rc.StartTime is DateTimeOffset st) view["startTime"] = Json.Timestamp(st);
            if (rc.EndTime is DateTimeOffset et) view["endTime"] = Json.Timestamp(et);
            body.Obj("properties")["instanceView"] = view;
        }
        return body;
    }
}
