import { utc, type User } from '../../shared/domain/index.js';
import { exportPerson } from '../../shared/services/export-person.js';
import type { BotDeps, Reply } from './bot-deps.js';

export const FILE_CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO = 'application/vnd.microsoft.teams.card.file.info';

/** What the consent card carries back: only that it is Steady's export (who comes from the activity). */
const CONTEXT = { steady: 'export' } as const;

/** The person's export, as the file's bytes and its name. */
async function exportFile(deps: BotDeps, user: User) {
  const now = utc(deps.clock.now());
  const data = await exportPerson(deps.store, user, now);
  return {
    name: `steady-export-${now.slice(0, 10)}.json`,
    bytes: new TextEncoder().encode(`${JSON.stringify(data, null, 2)}\n`),
  };
}

/**
 * "export": Teams' file consent card (a bot can put a file in a personal chat only after the person
 * allows it, into their OneDrive). Nothing is written anywhere until they press Allow.
 */
export async function offerExport(deps: BotDeps, user: User): Promise<Reply> {
  const file = await exportFile(deps, user);
  return {
    attachment: {
      contentType: FILE_CONSENT,
      name: file.name,
      content: {
        description:
          'Everything Steady keeps that you can see: your 1:1s, topics, notes, action items and answers.',
        sizeInBytes: file.bytes.length,
        acceptContext: CONTEXT,
        declineContext: CONTEXT,
      },
    },
  };
}

/** The person's answer to the consent card (`fileConsent/invoke`). */
export interface FileConsent {
  readonly action: 'accept' | 'decline';
  readonly context?: unknown;
  readonly uploadInfo?: {
    readonly name?: string;
    readonly uploadUrl?: string;
    readonly contentUrl?: string;
    readonly uniqueId?: string;
    readonly fileType?: string;
  };
}

/**
 * Allow: the export is built again (it may have changed since the offer), uploaded to the session
 * Teams opened, and a file card sent to the chat. Decline, or a consent that is not Steady's export:
 * nothing is written.
 */
export async function onFileConsent(
  deps: BotDeps,
  user: User,
  consent: FileConsent,
  upload: (url: string, bytes: Uint8Array) => Promise<{ ok: boolean }>,
): Promise<Reply> {
  const info = consent.uploadInfo;
  if (JSON.stringify(consent.context) !== JSON.stringify(CONTEXT))
    return { text: 'That file request is not one of mine. Nothing was sent.' };
  if (consent.action === 'decline') return { text: 'No file then. Type export whenever you want one.' };
  if (info?.uploadUrl === undefined || info.contentUrl === undefined || info.uniqueId === undefined)
    return { text: 'Teams did not say where to put the file. Nothing was sent; try export again.' };
  const file = await exportFile(deps, user);
  const uploaded = await upload(info.uploadUrl, file.bytes);
  if (!uploaded.ok) return { text: 'I could not upload the file to your OneDrive. Try export again later.' };
  return {
    attachment: {
      contentType: FILE_INFO,
      name: info.name ?? file.name,
      contentUrl: info.contentUrl,
      content: { uniqueId: info.uniqueId, fileType: info.fileType ?? 'json' },
    },
  };
}
