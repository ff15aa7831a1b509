import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { compileRoute, type CompiledRoute } from './compile-route.js';
import type { RpcHttpCookie, RpcHttpData, RpcInvocationRequest, RpcTypedData } from './core-types.js';
import type { DescribedFunction } from './describe-function.js';

type HttpFunction = Extract<DescribedFunction, { kind: 'http' }>;

export interface HttpServerOptions {
  readonly port: number;
  readonly routePrefix: string;
  readonly functions: readonly HttpFunction[];
  /** Runs one invocation; resolves to the function's RPC return value, rejects when it failed. */
  readonly invoke: (
    fn: HttpFunction,
    request: Pick<RpcInvocationRequest, 'inputData' | 'triggerMetadata'>,
  ) => Promise<RpcTypedData | null | undefined>;
  readonly log: (line: string) => void;
}

/** The host's request body limit (100 MB). */
const MAX_BODY_BYTES = 100 * 1024 * 1024;

/**
 * The HTTP front of the host on 127.0.0.1: `/{routePrefix}/{route}` for each http trigger and its
 * methods (others get 404, as on the host). The request goes to the function in the RPC shape the
 * host sends, and the RPC response the library builds is written back. A failed function is a 500.
 */
export async function serveHttp(
  options: HttpServerOptions,
): Promise<{ url: string; close(): Promise<void> }> {
  const routes = options.functions
    .map((fn) => ({
      fn,
      route: compileRoute([options.routePrefix, fn.route].filter((s) => s !== '').join('/')),
    }))
    .sort((a, b) => a.route.parameterCount - b.route.parameterCount);

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.log(`http: ${req.method} ${req.url}: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const found = find(routes, url.pathname, method);
    if (found === undefined) {
      req.resume();
      res.writeHead(404).end();
      return;
    }
    const body = await readBody(req);
    if (body === undefined) {
      res.writeHead(413).end();
      return;
    }
    const headers = joinHeaders(req.rawHeaders);
    const query: Record<string, string> = {};
    for (const key of new Set(url.searchParams.keys())) query[key] = url.searchParams.getAll(key).join(',');
    const http: RpcHttpData = {
      method,
      url: `http://${req.headers.host ?? `127.0.0.1:${port}`}${req.url ?? '/'}`,
      headers,
      query,
      params: found.params,
      ...(body.length > 0 ? { body: { bytes: body } } : {}),
    };
    const triggerMetadata: Record<string, RpcTypedData> = {
      Query: { json: JSON.stringify(query) },
      Headers: { json: JSON.stringify(headers) },
    };
    for (const [name, value] of Object.entries(found.params)) triggerMetadata[name] = { string: value };

    let result: RpcTypedData | null | undefined;
    try {
      result = await options.invoke(found.fn, {
        inputData: [{ name: found.fn.bindingName, data: { http } }],
        triggerMetadata,
      });
    } catch {
      res.writeHead(500, { 'content-length': '0' }).end();
      return;
    }
    writeResponse(res, method, result?.http ?? undefined);
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function find(
  routes: readonly { fn: HttpFunction; route: CompiledRoute }[],
  pathname: string,
  method: string,
): { fn: HttpFunction; params: Record<string, string> } | undefined {
  for (const { fn, route } of routes) {
    if (fn.methods !== undefined && !fn.methods.includes(method)) continue;
    const params = route.match(pathname);
    if (params !== undefined) return { fn, params };
  }
  return undefined;
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      req.resume();
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Request headers with their sent casing; repeated ones joined by ', ' as ASP.NET does. */
function joinHeaders(raw: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  const casing = new Map<string, string>();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    const value = raw[i + 1] as string;
    const key = casing.get(name.toLowerCase()) ?? name;
    casing.set(name.toLowerCase(), key);
    headers[key] = key in headers ? `${headers[key]}, ${value}` : value;
  }
  return headers;
}

function writeResponse(res: ServerResponse, method: string, http: RpcHttpData | undefined): void {
  if (http === undefined) {
    // The function returned no response.
    res.writeHead(204).end();
    return;
  }
  const status = Number(http.statusCode ?? '200');
  const headers: Record<string, string | string[]> = { ...(http.headers ?? {}) };
  const cookies = (http.cookies ?? []).map(serializeCookie);
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  const body = bodyBytes(http.body);
  const noBody = method === 'HEAD' || status === 204 || status === 304 || (status >= 100 && status < 200);
  if (!noBody) headers['content-length'] = String(body.length);
  res.writeHead(Number.isInteger(status) ? status : 500, headers);
  res.end(noBody ? undefined : body);
}

function bodyBytes(data: RpcTypedData | null | undefined): Buffer {
  if (data === null || data === undefined) return Buffer.alloc(0);
  if (data.bytes) return Buffer.from(data.bytes.buffer, data.bytes.byteOffset, data.bytes.byteLength);
  if (typeof data.string === 'string') return Buffer.from(data.string, 'utf8');
  if (typeof data.json === 'string') return Buffer.from(data.json, 'utf8');
  return Buffer.alloc(0);
}

function serializeCookie(cookie: RpcHttpCookie): string {
  const parts = [`${cookie.name ?? ''}=${cookie.value ?? ''}`];
  if (cookie.domain?.value) parts.push(`Domain=${cookie.domain.value}`);
  if (cookie.path?.value) parts.push(`Path=${cookie.path.value}`);
  const seconds = cookie.expires?.value?.seconds;
  if (typeof seconds === 'number') parts.push(`Expires=${new Date(seconds * 1000).toUTCString()}`);
  if (typeof cookie.maxAge?.value === 'number') parts.push(`Max-Age=${cookie.maxAge.value}`);
  if (cookie.secure?.value) parts.push('Secure');
  if (cookie.httpOnly?.value) parts.push('HttpOnly');
  const sameSite = { strict: 'Strict', lax: 'Lax', explicitNone: 'None', none: undefined }[
    cookie.sameSite ?? 'none'
  ];
  if (sameSite !== undefined) parts.push(`SameSite=${sameSite}`);
  return parts.join('; ');
}
