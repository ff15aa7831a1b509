import { z } from 'zod';
import { foldAddress } from './address-rules.js';
import { DocBase, Email, UserText } from './common.js';

export const NOTE_MAX_LENGTH = 4000;

/** A note on an occurrence. A private note is its author's alone, in every output. */
export const Note = DocBase.extend({
  type: z.literal('note'),
  pairId: z.string().min(1),
  occurrenceId: z.string().min(1),
  authorEmail: Email,
  /**
   * The Teams identity (`tenant:aadObjectId`) that wrote it: a private note is theirs, not their
   * address's, so whoever later gets the address never reads it. Absent on notes written before.
   */
  authorUserId: z.string().min(1).optional(),
  visibility: z.enum(['shared', 'private']),
  text: UserText(NOTE_MAX_LENGTH),
});
export type Note = z.infer<typeof Note>;

/** Who is looking: their address, and their Teams identity when they have one. */
export interface Viewer {
  readonly email: string;
  readonly userId?: string;
}

/**
 * Whether `viewer` wrote something private (a note, a feedback draft, deep-dive answers): by Teams
 * identity; what was written before identities were recorded falls back to its author's address.
 */
export const isAuthor = (
  written: { readonly authorUserId?: string | undefined },
  authorEmail: string,
  viewer: Viewer,
): boolean =>
  written.authorUserId !== undefined
    ? written.authorUserId === viewer.userId
    : authorEmail === foldAddress(viewer.email);

/** Whether `viewer` may see `note`: a shared one, or their own private one (`isAuthor`). */
export const canSee = (note: Note, viewer: Viewer): boolean =>
  note.visibility === 'shared' || isAuthor(note, note.authorEmail, viewer);
