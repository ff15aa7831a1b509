import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exchangeAssertion, type GoogleDirectory, type IssuedToken } from './google-token.js';
import { readBody } from '../read-body.js';

export interface FakeGoogleOAuthOptions extends GoogleDirectory {
  /** The fake's clock, for the assertion's `iat` and `exp`. */
  readonly now?: () => Date;
}

/** A running fake of Google's OAuth token endpoint (`oauth2.googleapis.com`, its own origin as in Google). */
export interface FakeGoogleOAuth {
  /** `http://127.0.0.1:PORT/token`: where the JWT client's token request goes instead of Google's. */
  readonly tokenUrl: string;
  /** Every access token issued, oldest first. */
  readonly issued: readonly IssuedToken[];
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;

/** Starts the fake on 127.0.0.1 at a free port; only `POST /token` is served. */
export async function startFakeGoogleOAuth(options: FakeGoogleOAuthOptions): Promise<FakeGoogleOAuth> {
  const now = options.now ?? (() => new Date());
  const issued: IssuedToken[] = [];
  const issue = (token: Omit<IssuedToken, 'accessToken'>) => {
    const accessToken = `ya29.fake-${issued.length + 1}`;
    issued.push({ accessToken, ...token });
    return accessToken;
  };
  const server = createServer((req, res) => {
    const answer = async () => {
      const text = await readBody(req, MAX_BODY_BYTES);
      const form = text === undefined ? undefined : new URLSearchParams(text);
      if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://fake').pathname !== '/token') {
        res.writeHead(404).end();
        return;
      }
      const reply =
        form === undefined
          ? { status: 413, body: { error: 'invalid_request', error_description: 'Request too large.' } }
          : exchangeAssertion(options, form, now(), issue);
      res
        .writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8' })
        .end(JSON.stringify(reply.body));
    };
    answer().catch((error: unknown) => {
      console.error('fake Google OAuth failed to answer', req.method, req.url, error);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  return {
    tokenUrl: `http://127.0.0.1:${port}/token`,
    issued,
    async stop() {
      const closed = once(server, 'close');
      server.close();
      server.closeAllConnections();
      await closed;
    },
  };
}
