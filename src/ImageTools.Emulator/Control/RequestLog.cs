namespace ImageTools.Emulator.Control;

/// <summary>Log of ARM requests (control API calls excluded). Thread-safe.</summary>
internal sealed class RequestLog
{
    private readonly List<RequestLogEntry> _entries = new();
    private readonly object _sync = new();
    private long _seq;

    public void Add(RequestLogEntry entry)
    {
        lock (_sync)
        {
            entry.Sequence = ++_seq;
            _entries.Add(entry);
            if (_entries.Count > 100_000) _entries.RemoveRange(0, 10_000);
        }
    }

    public List<RequestLogEntry> Snapshot(bool clear)
    {
        lock (_sync)
        {
            var copy = _entries.ToList();
            if (clear) _entries.Clear();
            return copy;
        }
    }

    public int Count { get { lock (_sync) return _entries.Count; } }

    /// <summary>Drops every entry and the memory that held them.</summary>
    public void Clear()
    {
        lock (_sync)
        {
            _entries.Clear();
            _entries.TrimExcess();
        }
    }
}
