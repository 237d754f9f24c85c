using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ImageTools.Engine.Gateway;
using ImageTools.Engine.Hosting;

namespace ImageTools.Engine.Operations.Import
{
    /// <summary>
    /// Sends a VHD file into a disk's page blob: 4 MiB at a time (Put Page's limit), only the runs
    /// of 512-byte pages that hold data (a new disk reads zeros everywhere else), skipping the runs an
    /// interrupted earlier run already wrote (its page ranges cover them). Reports a progress bar of its own
    /// under the operation's.
    /// </summary>
    internal sealed class PageUploader
    {
        public const int ChunkSize = 4 * 1024 * 1024;
        private const int Page = 512;
        private readonly IDiskTransferGateway _disks;
        private readonly IOperationSink _sink;
        private readonly string _activity;

        public PageUploader(IDiskTransferGateway disks, IOperationSink sink, string activity)
        {
            _disks = disks;
            _sink = sink;
            _activity = activity;
        }

        public long BytesSent { get; private set; }
        public long ZeroBytesSkipped { get; private set; }
        public long BytesResumed { get; private set; }

        public async Task RunAsync(string path, string sasUrl, IReadOnlyList<PageRange> written, CancellationToken ct)
        {
            var buffer = new byte[ChunkSize];
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan);
            var length = file.Length;
            var lastPercent = -1;
            for (long offset = 0; offset < length; offset += ChunkSize)
            {
                ct.ThrowIfCancellationRequested();
                var count = (int)Math.Min(ChunkSize, length - offset);
                await ReadFullyAsync(file, buffer, count, ct).ConfigureAwait(false);
                await SendChunkAsync(sasUrl, offset, buffer, count, written, ct).ConfigureAwait(false);
                var done = offset + count;
                var percent = (int)(done * 100 / length);
                if (percent != lastPercent)
                {
                    lastPercent = percent;
                    _sink.WriteProgress(new OperationProgress(2, _activity,
                        $"{Mib(done)} of {Mib(length)} MiB: {Mib(BytesSent)} MiB sent, {Mib(ZeroBytesSkipped)} MiB of zeros skipped" +
                        (BytesResumed > 0 ? $", {Mib(BytesResumed)} MiB sent by an earlier run" : ""),
                        percent, parentActivityId: 1));
                }
            }
            _sink.WriteProgress(new OperationProgress(2, _activity, "Uploaded", 100, completed: true, parentActivityId: 1));
        }

        /// <summary>Writes each run of pages that hold data; the runs of zero pages are not sent.</summary>
        private async Task SendChunkAsync(string sasUrl, long offset, byte[] buffer, int count, IReadOnlyList<PageRange> written, CancellationToken ct)
        {
            var page = 0;
            var pages = (count + Page - 1) / Page;
            while (page < pages)
            {
                if (IsZero(buffer, page * Page, Math.Min(Page, count - page * Page)))
                {
                    ZeroBytesSkipped += Math.Min(Page, count - page * Page);
                    page++;
                    continue;
                }
                var first = page;
                while (page < pages && !IsZero(buffer, page * Page, Math.Min(Page, count - page * Page)))
                    page++;
                var start = first * Page;
                var size = Math.Min(page * Page, count) - start;
                // A run an interrupted earlier run already wrote (the same file, cut the same way) is not sent again.
                if (written.Any(r => r.Covers(offset + start, offset + start + size - 1)))
                {
                    BytesResumed += size;
                    continue;
                }
                await _disks.WritePagesAsync(sasUrl, offset + start, buffer, start, size, ct).ConfigureAwait(false);
                BytesSent += size;
            }
        }

        private static bool IsZero(byte[] buffer, int start, int count)
        {
            var i = start;
            for (; i + 8 <= start + count; i += 8)
                if (BitConverter.ToUInt64(buffer, i) != 0)
                    return false;
            for (; i < start + count; i++)
                if (buffer[i] != 0)
                    return false;
            return true;
        }

        private static async Task ReadFullyAsync(Stream stream, byte[] buffer, int count, CancellationToken ct)
        {
            var read = 0;
            while (read < count)
            {
                var n = await stream.ReadAsync(buffer, read, count - read, ct).ConfigureAwait(false);
                if (n == 0)
                    throw new EndOfStreamException("The VHD file became shorter while it was being uploaded.");
                read += n;
            }
        }

        private static string Mib(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
    }
}
