import { describe, expect, it } from 'vitest';
import type { Note, Occurrence, Pair } from '../../shared/domain/index.js';
import { addedReply } from '../../teams-app/bot/replies.js';

// A 1:1 at 21:00 in New York on 3 March is 02:00 UTC on the 4th: the reply says the reader's day.
const occurrence = { id: 'o', start: '2026-03-04T02:00:00Z' } as Occurrence;
const note = { type: 'note', visibility: 'shared', text: 'Agreed' } as Note;
const added = { pair: {} as Pair, occurrence, item: note, created: true };

describe('the reply to an added item', () => {
  it('names the 1:1 and its day in the reader’s time zone', () => {
    expect(addedReply(added, '1:1 with Dev Patel', '', 'America/New_York')).toEqual({
      text: 'Note saved on your 1:1 with Dev Patel on 2026-03-03; you both see it in the summary.',
    });
    expect(addedReply(added, '1:1 with Maria Lopez', '', 'Europe/Berlin')).toEqual({
      text: 'Note saved on your 1:1 with Maria Lopez on 2026-03-04; you both see it in the summary.',
    });
  });
});
