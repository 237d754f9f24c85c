using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;

namespace ImageTools.Engine.Gateway
{
    /// <summary>
    /// Answers a gateway keeps for its session (the gateways live as long as one Connect-ImageTools): read
    /// once, then given again without a request. Only for what does not change within a session (regions,
    /// VM sizes and SKUs of a location); an answer is kept only when its read succeeded, so a failed read is
    /// tried again by the next command.
    /// </summary>
    internal sealed class SessionMemo<T>
    {
        private readonly ConcurrentDictionary<string, T> _kept = new ConcurrentDictionary<string, T>(StringComparer.OrdinalIgnoreCase);

        public async Task<T> GetAsync(string key, Func<Task<T>> read)
        {
            if (_kept.TryGetValue(key, out var known))
                return known;
            var answer = await read().ConfigureAwait(false);
            _kept[key] = answer;
            return answer;
        }
    }
}
