import { z } from 'zod';
import { DocBase, Email, UserText } from './common.js';

export const NOTE_MAX_LENGTH = 4000;

/** A note on an occurrence. A private note is its author's alone, in every output. */
export const Note = DocBase.extend({
  type: z.literal('note'),
  pairId: z.string().min(1),
  occurrenceId: z.string().min(1),
  authorEmail: Email,
  visibility: z.enum(['shared', 'private']),
  text: UserText(NOTE_MAX_LENGTH),
});
export type Note = z.infer<typeof Note>;

/** Whether `viewerEmail` may see `note`. */
export const canSee = (note: Note, viewerEmail: string): boolean =>
  note.visibility === 'shared' || note.authorEmail === viewerEmail.toLowerCase();
