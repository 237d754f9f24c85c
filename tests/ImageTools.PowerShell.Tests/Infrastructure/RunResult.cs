using System.Collections;
using System.Management.Automation;
using System.Text;

namespace ImageTools.PowerShell.Tests.Infrastructure;

/// <summary>What one script run produced, stream by stream, plus what the host was shown meanwhile.</summary>
public sealed class RunResult
{
    public required string Script { get; init; }
    public required IReadOnlyList<PSObject> Output { get; init; }
    public required IReadOnlyList<ErrorRecord> Errors { get; init; }
    public required IReadOnlyList<string> Verbose { get; init; }
    public required IReadOnlyList<string> Warnings { get; init; }
    public required IReadOnlyList<ProgressRecord> Progress { get; init; }
    public required IReadOnlyList<InformationRecord> Information { get; init; }
    public required IReadOnlyList<HostLine> HostLines { get; init; }
    public required IReadOnlyList<HostPrompt> Prompts { get; init; }

    /// <summary>How the invocation ended: Completed, Failed, or Stopped (Ctrl+C).</summary>
    public PSInvocationState State { get; init; }

    /// <summary>A terminating error (the script threw), or null.</summary>
    public Exception? Terminating { get; init; }

    /// <summary>The host's plain output lines ("What if:" lines, Out-Default's formatting).</summary>
    public IEnumerable<string> HostOutput => HostLines.Where(l => l.Kind == "Output").Select(l => l.Text);

    public IEnumerable<string> WhatIfLines => HostOutput.Where(l => l.StartsWith("What if:", StringComparison.Ordinal));

    /// <summary>Output objects whose base object is of the module's model type (ImageTools.Models.&lt;name&gt;).</summary>
    public List<PSObject> OutputOf(string modelName) =>
        Output.Where(o => o.BaseObject.GetType().FullName == "ImageTools.Models." + modelName).ToList();

    /// <summary>Fails with every error and stream when the run did not end cleanly.</summary>
    public RunResult AssertClean()
    {
        Assert.True(Terminating == null && Errors.Count == 0, "Expected a clean run.\n" + Describe());
        return this;
    }

    /// <summary>A property of an output object, as a string.</summary>
    public static string Prop(PSObject item, string name) => Convert.ToString(item.Properties[name]?.Value) ?? "";

    /// <summary>Every text the run made visible anywhere: objects and all their properties, every stream, the host.</summary>
    public string AllText()
    {
        var text = new StringBuilder();
        foreach (var item in Output)
            AppendObject(text, item, 0);
        foreach (var error in Errors)
        {
            text.AppendLine(error.ToString());
            text.AppendLine(error.FullyQualifiedErrorId);
            text.AppendLine(error.ErrorDetails?.Message);
            text.AppendLine(error.ErrorDetails?.RecommendedAction);
            text.AppendLine(Convert.ToString(error.TargetObject));
            for (var e = error.Exception; e != null; e = e.InnerException)
                text.AppendLine(e.Message);
        }
        for (var e = Terminating; e != null; e = e.InnerException)
            text.AppendLine(e.Message);
        foreach (var line in Verbose.Concat(Warnings))
            text.AppendLine(line);
        foreach (var record in Progress)
            text.AppendLine(record.Activity + " " + record.StatusDescription + " " + record.CurrentOperation);
        foreach (var record in Information)
            text.AppendLine(Convert.ToString(record.MessageData));
        foreach (var line in HostLines)
            text.AppendLine(line.Text);
        foreach (var prompt in Prompts)
            text.AppendLine(prompt.Caption + " " + prompt.Message);
        return text.ToString();
    }

    private static void AppendObject(StringBuilder text, object? value, int depth)
    {
        if (value == null || depth > 3)
            return;
        if (value is PSObject ps)
        {
            text.AppendLine(ps.ToString());
            if (ps.BaseObject is string || ps.BaseObject.GetType().IsPrimitive)
                return;
            foreach (var property in ps.Properties)
            {
                object? inner;
                try { inner = property.Value; }
                catch (GetValueException) { continue; }
                AppendObject(text, inner, depth + 1);
            }
            return;
        }
        if (value is string s)
        {
            text.AppendLine(s);
            return;
        }
        if (value is IEnumerable sequence)
        {
            foreach (var item in sequence)
                AppendObject(text, item, depth + 1);
            return;
        }
        AppendObject(text, PSObject.AsPSObject(value), depth + 1);
    }

    public string Describe()
    {
        var text = new StringBuilder();
        text.AppendLine("Script: " + Script);
        if (Terminating != null)
            text.AppendLine("Terminating: " + Terminating);
        foreach (var error in Errors)
            text.AppendLine($"Error [{error.FullyQualifiedErrorId}] {error} | {error.ErrorDetails?.RecommendedAction}");
        foreach (var line in Warnings)
            text.AppendLine("Warning: " + line);
        foreach (var line in Verbose)
            text.AppendLine("Verbose: " + line);
        foreach (var line in HostLines)
            text.AppendLine($"Host {line.Kind}: {line.Text}");
        foreach (var item in Output)
            text.AppendLine("Output: " + item);
        return text.ToString();
    }
}
