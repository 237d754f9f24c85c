using System;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;

namespace ImageTools.Engine.Connection
{
    /// <summary>The emulator's credential: a fixed bearer token (the emulator accepts any token over TLS).</summary>
    internal sealed class StaticTokenCredential : TokenCredential
    {
        private readonly string _token;

        public StaticTokenCredential(string token) => _token = token;

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new AccessToken(_token, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new ValueTask<AccessToken>(GetToken(requestContext, cancellationToken));
    }
}
