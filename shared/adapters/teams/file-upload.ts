import { err, ok, type Result } from '../../domain/index.js';
import type { SendError } from '../../ports.js';
import { isAllowedHost } from '../../domain/service-url.js';

/** Where Teams opens upload sessions for a personal chat's files: the person's OneDrive (SharePoint). */
const ONEDRIVE_HOSTS = [/^[a-z0-9-]+\.sharepoint\.com$/, /^[a-z0-9-]+\.sharepoint\.us$/];

/** Whether the bot may PUT a file to `uploadUrl` (loopback only in the sandbox). */
export function isAllowedUploadUrl(uploadUrl: string, allowLoopback: boolean): boolean {
  return isAllowedHost(uploadUrl, ONEDRIVE_HOSTS, allowLoopback);
}

/**
 * Puts a whole file into the upload session Teams opened when the person allowed it (one PUT with a
 * `Content-Range` over all of it, as the OneDrive upload session takes files under 4 MB). 4xx other
 * than 429 means the session is gone (`UNREACHABLE`); 429 and 5xx can be retried.
 */
export async function uploadFile(
  uploadUrl: string,
  content: Uint8Array,
  allowLoopback: boolean,
): Promise<Result<void, SendError>> {
  if (!isAllowedUploadUrl(uploadUrl, allowLoopback))
    throw new Error(`refusing to upload to a URL that is not a OneDrive upload session: ${uploadUrl}`);
  const response = await fetch(uploadUrl, {
    method: 'PUT',
    headers: {
      'content-length': String(content.length),
      'content-range': `bytes 0-${content.length - 1}/${content.length}`,
    },
    body: content,
  });
  await response.arrayBuffer(); // drain, so the connection is reused
  if (response.ok) return ok(undefined);
  if (response.status === 429 || response.status >= 500) return err({ code: 'RETRY' });
  return err({ code: 'UNREACHABLE' });
}
