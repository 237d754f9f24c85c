using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace ImageTools.PowerShell.Tests.Infrastructure;

/// <summary>What a host was asked to show: plain output, a stream line, or a progress record.</summary>
public sealed record HostLine(string Kind, string Text);

/// <summary>One PromptForChoice call (ShouldProcess under -Confirm, ShouldContinue) and the answer given.</summary>
public sealed record HostPrompt(string Caption, string Message, IReadOnlyList<string> Choices, string? Answer);

/// <summary>
/// A PowerShell host for tests: records everything written to its UI (the "What if:" lines of
/// ShouldProcess, Out-Default's formatting, verbose/warning/error lines, progress) and answers
/// PromptForChoice from a queue of scripted answers. The module decides interactivity from the
/// host's name ("Default Host" and "ServerRemoteHost" are not interactive) and the host having a
/// UI, so the default name here makes it an interactive host; a prompt with no scripted answer
/// fails the call instead of blocking.
/// </summary>
public sealed class TestHost : PSHost
{
    public const string InteractiveName = "ImageTools.TestHost";

    private readonly TestHostUI _ui;

    public TestHost(string name = InteractiveName)
    {
        Name = name;
        _ui = new TestHostUI(this);
    }

    public override string Name { get; }
    public override Version Version { get; } = new(1, 0);
    public override Guid InstanceId { get; } = Guid.NewGuid();
    public override PSHostUserInterface UI => _ui;
    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

    /// <summary>Answers for the next prompts, in order: a choice label without its '&amp;' ("Yes", "No", "Yes to All", "No to All").</summary>
    public ConcurrentQueue<string> Answers { get; } = new();

    /// <summary>Every prompt shown, with the answer given (null when none was scripted: the call then failed).</summary>
    public IReadOnlyList<HostPrompt> Prompts { get { lock (_gate) return _prompts.ToList(); } }

    /// <summary>Everything the UI was asked to show, in order.</summary>
    public IReadOnlyList<HostLine> Lines { get { lock (_gate) return _lines.ToList(); } }

    /// <summary>Position in <see cref="Lines"/> and <see cref="Prompts"/>, to read what one run added.</summary>
    public (int Lines, int Prompts) Mark() { lock (_gate) return (_lines.Count, _prompts.Count); }

    public IReadOnlyList<HostLine> LinesSince(int mark) { lock (_gate) return _lines.Skip(mark).ToList(); }
    public IReadOnlyList<HostPrompt> PromptsSince(int mark) { lock (_gate) return _prompts.Skip(mark).ToList(); }

    private readonly object _gate = new();
    private readonly List<HostLine> _lines = new();
    private readonly List<HostPrompt> _prompts = new();
    private string _partial = "";

    internal void Record(string kind, string text)
    {
        lock (_gate) _lines.Add(new HostLine(kind, text));
    }

    /// <summary>Write() without a newline accumulates until the next WriteLine, as a console line would.</summary>
    internal void Append(string text)
    {
        lock (_gate)
        {
            _partial += text;
            int newline;
            while ((newline = _partial.IndexOf('\n')) >= 0)
            {
                _lines.Add(new HostLine("Output", _partial[..newline].TrimEnd('\r')));
                _partial = _partial[(newline + 1)..];
            }
        }
    }

    internal void EndLine(string text)
    {
        lock (_gate)
        {
            var line = _partial + text;
            _partial = "";
            foreach (var part in line.Split('\n'))
                _lines.Add(new HostLine("Output", part.TrimEnd('\r')));
        }
    }

    internal int Choose(string caption, string message, Collection<ChoiceDescription> choices)
    {
        var labels = choices.Select(c => c.Label.Replace("&", "")).ToList();
        Answers.TryDequeue(out var answer);
        lock (_gate) _prompts.Add(new HostPrompt(caption ?? "", message ?? "", labels, answer));
        if (answer == null)
            throw new InvalidOperationException($"The test host was asked '{caption}: {message}' ({string.Join(", ", labels)}) with no scripted answer.");
        var index = labels.FindIndex(l => string.Equals(l, answer, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
            throw new InvalidOperationException($"Scripted answer '{answer}' is not among the choices {string.Join(", ", labels)}.");
        return index;
    }

    public override void SetShouldExit(int exitCode) { }
    public override void EnterNestedPrompt() => throw new NotSupportedException("The test host has no nested prompt.");
    public override void ExitNestedPrompt() => throw new NotSupportedException("The test host has no nested prompt.");
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }

    private sealed class TestHostUI(TestHost host) : PSHostUserInterface
    {
        private readonly TestRawUI _raw = new();

        public override PSHostRawUserInterface RawUI => _raw;

        public override string ReadLine() => throw new NotSupportedException("The test host cannot read input.");
        public override SecureString ReadLineAsSecureString() => throw new NotSupportedException("The test host cannot read input.");

        public override void Write(string value) => host.Append(value);
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => host.Append(value);
        public override void WriteLine(string value) => host.EndLine(value);
        public override void WriteLine() => host.EndLine("");
        public override void WriteErrorLine(string value) => host.Record("Error", value);
        public override void WriteDebugLine(string message) => host.Record("Debug", message);
        public override void WriteVerboseLine(string message) => host.Record("Verbose", message);
        public override void WriteWarningLine(string message) => host.Record("Warning", message);
        public override void WriteInformation(InformationRecord record) => host.Record("Information", record.MessageData?.ToString() ?? "");

        public override void WriteProgress(long sourceId, ProgressRecord record) =>
            host.Record("Progress", $"{record.Activity}: {record.StatusDescription} ({record.PercentComplete}%, {record.RecordType})");

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
            throw new NotSupportedException($"The test host cannot answer '{caption}: {message}'.");

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw new NotSupportedException("The test host cannot prompt for a credential.");

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
            PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
            throw new NotSupportedException("The test host cannot prompt for a credential.");

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) =>
            host.Choose(caption, message, choices);
    }

    /// <summary>A wide, tall console so that formatted tables are not cut.</summary>
    private sealed class TestRawUI : PSHostRawUserInterface
    {
        public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;
        public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;
        public override Coordinates CursorPosition { get; set; }
        public override Coordinates WindowPosition { get; set; }
        public override int CursorSize { get; set; } = 1;
        public override Size BufferSize { get; set; } = new(250, 3000);
        public override Size WindowSize { get; set; } = new(250, 60);
        public override Size MaxWindowSize => new(250, 60);
        public override Size MaxPhysicalWindowSize => new(250, 60);
        public override bool KeyAvailable => false;
        public override string WindowTitle { get; set; } = "ImageTools tests";

        public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException("The test host cannot read keys.");
        public override void FlushInputBuffer() { }
        public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }
        public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }
        public override BufferCell[,] GetBufferContents(Rectangle rectangle) => new BufferCell[0, 0];
        public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) { }
    }
}
