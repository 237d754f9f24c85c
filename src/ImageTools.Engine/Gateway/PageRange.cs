namespace ImageTools.Engine.Gateway
{
    /// <summary>A written range of a page blob, start and end inclusive.</summary>
    internal sealed class PageRange
    {
        public PageRange(long start, long end)
        {
            Start = start;
            End = end;
        }

        public long Start { get; }
        public long End { get; }

        public bool Covers(long start, long end) => Start <= start && End >= end;
    }
}
