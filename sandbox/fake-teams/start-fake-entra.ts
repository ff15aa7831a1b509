import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { clientCredentialsToken, type FakeAppRegistration } from './entra-token.js';
import { managedIdentityToken } from './managed-identity-token.js';
import { readBody } from '../read-body.js';

export interface FakeEntraOptions {
  readonly apps: readonly FakeAppRegistration[];
  /** The client ids of the user-assigned managed identities attached to the app (`/msi/token`). */
  readonly identities?: readonly string[];
  readonly now?: () => Date;
}

/** A running fake of Entra's token endpoint, for the bot's client-credentials token. */
export interface FakeEntra {
  /** `http://127.0.0.1:PORT`: stands for `https://login.microsoftonline.com`. */
  readonly url: string;
  /** Stands for `$IDENTITY_ENDPOINT` in App Service and Azure Functions, and its `$IDENTITY_HEADER`. */
  readonly identityEndpoint: string;
  readonly identityHeader: string;
  /** How many tokens were issued. */
  readonly issuedCount: number;
  stop(): Promise<void>;
}

const MSI_PATH = '/msi/token';
const TOKEN_PATH = /^\/([^/]+)\/oauth2\/v2\.0\/token$/;
const MAX_BODY_BYTES = 64 * 1024;

/** Starts the fake on 127.0.0.1 at a free port; only `POST /{tenant}/oauth2/v2.0/token` is served. */
export async function startFakeEntra(options: FakeEntraOptions): Promise<FakeEntra> {
  const now = options.now ?? (() => new Date());
  let issuedCount = 0;
  const identityHeader = randomUUID();
  const server = createServer((req, res) => {
    const answer = async () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      if (req.method === 'GET' && url.pathname === MSI_PATH) {
        const secret = req.headers['x-identity-header'];
        const reply = managedIdentityToken(
          options.identities ?? [],
          identityHeader,
          { secret: typeof secret === 'string' ? secret : undefined, query: url.searchParams },
          now(),
        );
        if (reply.status === 200) issuedCount += 1;
        res
          .writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8' })
          .end(JSON.stringify(reply.body));
        return;
      }
      const body = await readBody(req, MAX_BODY_BYTES);
      const tenant = TOKEN_PATH.exec(new URL(req.url ?? '/', 'http://fake').pathname)?.[1];
      if (req.method !== 'POST' || tenant === undefined || body === undefined) {
        res.writeHead(body === undefined ? 413 : 404).end();
        return;
      }
      const reply = clientCredentialsToken(
        options.apps,
        decodeURIComponent(tenant),
        new URLSearchParams(body),
        now(),
      );
      if (reply.status === 200) issuedCount += 1;
      res
        .writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8' })
        .end(JSON.stringify(reply.body));
    };
    answer().catch((error: unknown) => {
      console.error('fake Entra failed to answer', req.method, req.url, error);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    identityEndpoint: `${url}${MSI_PATH}`,
    identityHeader,
    get issuedCount() {
      return issuedCount;
    },
    async stop() {
      const closed = once(server, 'close');
      server.close();
      server.closeAllConnections();
      await closed;
    },
  };
}
