import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../read-body.js';

/** The attachment types of Teams' file flow in a personal chat. */
export const FILE_CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO = 'application/vnd.microsoft.teams.card.file.info';

/** What Teams hands the bot when a person allows a file (`uploadInfo` of the `fileConsent/invoke`). */
export interface UploadInfo {
  readonly name: string;
  readonly uploadUrl: string;
  readonly contentUrl: string;
  readonly uniqueId: string;
  readonly fileType: string;
}

/**
 * The person's OneDrive as far as the bot sees it: when they allow a file, Teams creates an upload
 * session (`uploadUrl`) the bot PUTs the bytes to, with a `Content-Range` covering the whole file, and
 * the file is then at `contentUrl`. Served under `/files/`.
 */
export class Files {
  private readonly sessions = new Map<string, { name: string; content?: Buffer }>();
  private next = 0;

  constructor(private readonly origin: () => string) {}

  /** An upload session for a file the person allowed. */
  open(name: string): UploadInfo {
    this.next += 1;
    const uniqueId = `file-${this.next}`;
    this.sessions.set(uniqueId, { name });
    const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1] ?? '';
    return {
      name,
      uploadUrl: `${this.origin()}files/upload/${uniqueId}`,
      contentUrl: `${this.origin()}files/${uniqueId}`,
      uniqueId,
      fileType: extension,
    };
  }

  /** The bytes uploaded for `uniqueId`, once the upload is complete. */
  content(uniqueId: string): Buffer | undefined {
    return this.sessions.get(uniqueId)?.content;
  }

  /** `PUT /files/upload/<id>` and `GET /files/<id>`; false for other paths. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const upload = /^\/files\/upload\/([\w-]+)$/.exec(path);
    const download = /^\/files\/([\w-]+)$/.exec(path);
    if (req.method === 'PUT' && upload) {
      const session = this.sessions.get(upload[1] ?? '');
      const text = await readBody(req, 50 * 1024 * 1024);
      if (text === undefined) return answer(res, 413, { error: { code: 'tooLarge' } });
      const body = Buffer.from(text, 'utf8');
      if (session === undefined) return answer(res, 404, { error: { code: 'itemNotFound' } });
      const range = /^bytes 0-(\d+)\/(\d+)$/.exec(req.headers['content-range'] ?? '');
      if (range === null || Number(range[1]) !== body.length - 1 || Number(range[2]) !== body.length)
        return answer(res, 400, {
          error: { code: 'invalidRange', message: 'Content-Range must cover the whole body' },
        });
      session.content = body;
      return answer(res, 201, { id: upload[1], name: session.name, size: body.length });
    }
    if (req.method === 'GET' && download) {
      const content = this.sessions.get(download[1] ?? '')?.content;
      if (content === undefined) return answer(res, 404, { error: { code: 'itemNotFound' } });
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(content);
      return true;
    }
    return false;
  }
}

function answer(res: ServerResponse, status: number, body: unknown): true {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  return true;
}
