import type { IncomingMessage, ServerResponse } from 'node:http';
import { botConnector, type BotConnectorDeps } from './bot-connector.js';

export interface ServerDeps {
  readonly connector: BotConnectorDeps;
  /** The inbox page and its API; answers false for paths it does not serve. */
  readonly inbox: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  /** The people's OneDrive files (`/files/`), where the bot uploads what they allowed. */
  readonly files: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  /** Bot Connector requests not yet answered, for `flush`. */
  readonly inFlight: Set<Promise<void>>;
}

/** `/v3/…` is the Bot Connector; the rest is the inbox page. A bug of the fake is logged and answered 500. */
export function requestHandler(deps: ServerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const connector = /^\/+v3(\/|$)/.test(req.url ?? '/');
    const handled = connector
      ? botConnector(deps.connector, req, res)
      : (/^\/files\//.test(req.url ?? '/') ? deps.files(req, res) : deps.inbox(req, res)).then((served) => {
          if (!served) res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        });
    const settled = handled.catch((error: unknown) => {
      console.error('fake Teams failed to answer', req.method, req.url, error);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
    if (!connector) return;
    deps.inFlight.add(settled);
    void settled.finally(() => deps.inFlight.delete(settled));
  };
}
