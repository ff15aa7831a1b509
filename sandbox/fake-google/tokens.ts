import { z } from 'zod';

/**
 * Sync and page tokens: opaque to clients, base64url JSON here. Each names its calendar and the
 * full-sync epoch it was issued in, so `requireFullSync` can turn every older token into a 410.
 */
const syncToken = z.object({ t: z.literal('sync'), c: z.string(), e: z.number().int(), s: z.number().int() });
const listPageToken = z.object({
  t: z.literal('list'),
  c: z.string(),
  e: z.number().int(),
  /** The change sequence when the listing began: the next sync token resumes from there. */
  s: z.number().int(),
  /** An incremental listing: only changes after this sequence. */
  since: z.number().int().nullable(),
  /** The position of the last item served, `[event index, instance start]`; null before the first item. */
  after: z.tuple([z.number().int(), z.number()]).nullable(),
});
const instancesPageToken = z.object({
  t: z.literal('instances'),
  c: z.string(),
  e: z.number().int(),
  m: z.string(),
  /** The original start (ms) of the last instance served; null before the first. */
  after: z.number().nullable(),
});
const anyToken = z.discriminatedUnion('t', [syncToken, listPageToken, instancesPageToken]);

export type SyncToken = z.infer<typeof syncToken>;
export type ListPageToken = z.infer<typeof listPageToken>;
export type InstancesPageToken = z.infer<typeof instancesPageToken>;
type AnyToken = z.infer<typeof anyToken>;

export function encodeToken(token: AnyToken): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

/** Undefined for anything that is not a token of the fake (the caller answers 400). */
export function decodeToken(value: string): AnyToken | undefined {
  try {
    const parsed = anyToken.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}
