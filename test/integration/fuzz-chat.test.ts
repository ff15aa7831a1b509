import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommand, pairIdOf, UserText } from '../../shared/domain/index.js';
import { explainCommandError } from '../../teams-app/bot/replies.js';
import { visibleText } from '../../teams-app/cards/visible-text.js';
import { MARIA } from '../support/bot-harness.js';
import { storeSnapshot } from '../support/store-snapshot.js';
import { teamHarness } from '../support/team-harness.js';
import { sized } from '../support/long-runs.js';

// FUZZ_SEED=<n> replays a run; the seed is printed with the summary.
const seed = Number(process.env['FUZZ_SEED'] ?? Date.now() % 2 ** 31);

const specials = [
  '\u0000', '\u0007', '\u0008', '\u000b', '\u001b', '\u007f', '\u0085', '\u009f', '\u00a0', '\u200b',
  '\u200e', '\u202e', '\u2028', '\u2029', '\ufeff', '\ufffd', '\t', '\n', '\r', '\r\n', '${x}', '{{x}}',
  '<b>', '](http://x)', '@', '#', ':', '/', '\\', '"', '😀', 'é', 'e\u0301', '👩‍👩‍👧',
]; // prettier-ignore
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const special = fc.oneof(fc.constantFrom(...specials), loneSurrogate);
/** Up to what the bot takes in one activity (`Incoming.text`, 20,000 characters); longer is the case below. */
const MAX_TEXT = 20_000;
const huge = fc
  .tuple(
    fc.constantFrom('x', 'é', '😀', ' ', 'ab ', '\u0000', '\u00a0', 'by '),
    fc.integer({ min: 300, max: MAX_TEXT - 100 }),
  )
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));
const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 60 }) },
  { weight: 2, arbitrary: fc.array(fc.oneof(fc.string({ maxLength: 8 }), special)).map((p) => p.join('')) },
  { weight: 1, arbitrary: huge },
);
const date = fc.oneof(
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2026-03-20', '2026-02-30', '2026-13-01', '20260320', '2026-3-2', 'Friday', 'by', ''),
  text,
);
const mention = fc.oneof(
  fc.constantFrom('@maria', '@r1', '@r2@contoso.com', '@MARIA@CONTOSO.COM', '@nobody', '@', '@@'),
  fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => `@${s}`),
);
const words = [
  ...['add', 'topic', 'note', 'private', 'action', 'done', 'help', '?', 'agenda', 'pause', 'resume'],
  ...['delete', 'export'],
  // names every object has: a command table that is a plain object must not answer to them
  ...['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'],
];
const word = fc
  .tuple(
    fc.constantFrom('', '', '/', ' '),
    fc.mixedCase(fc.constantFrom(...words)),
    fc.constantFrom('', '', ':', 's'),
  )
  .map((parts) => parts.join(''));
const separator = fc.constantFrom(' ', ' ', '  ', '\t', '\n', '\u00a0', '', ': ', '\u3000');
const body = fc.oneof(
  text,
  fc
    .tuple(fc.option(mention), text, fc.option(date))
    .map(([m, t, d]) => [m, t, d === null ? null : `by ${d}`].filter((p) => p !== null).join(' ')),
  fc.oneof(fc.nat({ max: 20_000 }).map(String), fc.constantFrom('#2', '-1', '0', '1e3', '0x1', '1.5', ' 3 ')),
);
/** A message a person could type: mostly near-commands, some anything at all. */
const message = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(word, separator, body).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: text },
);

/** An error leaking into a reply: a stack frame or an error class's name. */
const stackTrace = /\n\s+at .+:\d+:\d+|\b(TypeError|ReferenceError|RangeError|ZodError)\b/;

describe('fuzz: chat commands', () => {
  it('the parser never throws, and what it accepts is clean', () => {
    let runs = 0;
    let rejected = 0;
    fc.assert(
      fc.property(fc.oneof(message, fc.string({ unit: 'binary', maxLength: 400 })), (input) => {
        runs++;
        const parsed = parseCommand(input);
        if (!parsed.ok) {
          rejected++;
          // a refusal explains, quoting at most 40 characters of what was typed
          const reply = explainCommandError(parsed.error);
          expect(reply.length).toBeGreaterThan(0);
          expect(reply.length).toBeLessThan(300);
          return;
        }
        const command = parsed.value;
        if ('text' in command) {
          // stored text is what UserText accepts: trimmed, bounded, no control characters
          expect(UserText(4000).safeParse(command.text)).toMatchObject({ success: true, data: command.text });
        }
        if (command.kind === 'action' && command.due !== undefined)
          expect(command.due).toMatch(/^\d{4}-\d\d-\d\d$/);
        if (command.kind === 'done') expect(command.number).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: sized(5000, 1500), seed },
    );
    console.log(
      `fuzz: chat parser ${runs} inputs, 0 crashes, ${rejected} rejected with a reply (seed ${seed})`,
    );
  });

  describe('through the bot, over HTTP from the fake Teams', () => {
    let h: Awaited<ReturnType<typeof teamHarness>>;
    beforeAll(async () => {
      h = await teamHarness(6);
    }, 30_000);
    afterAll(async () => h?.stop());

    it('always answers 200 with one reply, and stores nothing from a rejected input', async () => {
      const people = [MARIA, ...h.reports];
      const everyone = () => people.map((p) => h.teams.activities(p).length);
      let runs = 0;
      let rejected = 0;
      let storedFromRejected = 0;
      let crashes = 0;
      await fc.assert(
        fc.asyncProperty(
          message.filter((m) => m.length <= MAX_TEXT),
          async (input) => {
            // round robin: at most ~40 messages per chat, under Teams' 60 in 30 s
            const sender = people[runs++ % people.length] ?? MARIA;
            const parsed = parseCommand(input);
            const before = await storeSnapshot(h.store, people);
            const chatsBefore = everyone();
            const sentBefore = h.teams.activities(sender).filter((a) => a.op === 'send').length;
            const answer = await h.teams.say(sender, input);
            if (answer.status !== 200) crashes++;
            expect(answer.status, `status for ${JSON.stringify(input.slice(0, 80))}`).toBe(200);
            const sent = h.teams.activities(sender).filter((a) => a.op === 'send');
            expect(sent.length - sentBefore, 'exactly one reply').toBe(1);
            const reply = sent[sent.length - 1];
            const attachment = reply?.attachments?.[0] as
              { contentType?: string; content?: unknown } | undefined;
            // an Adaptive Card shows its text; another attachment (the export's file consent card) its content
            const shown =
              reply?.text ??
              (attachment?.contentType === 'application/vnd.microsoft.card.adaptive'
                ? visibleText(attachment.content)
                : JSON.stringify(attachment?.content ?? ''));
            expect(shown.length).toBeGreaterThan(0);
            // a text reply is a sentence, not an echo of the whole input (cards are capped by their own tests)
            if (reply?.text !== undefined)
              expect(shown.length, `reply to ${JSON.stringify(input.slice(0, 80))}`).toBeLessThan(1_000);
            expect(shown).not.toMatch(stackTrace);
            if (!parsed.ok) {
              rejected++;
              const after = await storeSnapshot(h.store, people);
              if (after.join() !== before.join()) storedFromRejected++;
              expect(after).toEqual(before);
              // nobody else hears of it
              const chatsAfter = everyone();
              people.forEach((p, i) => {
                if (p !== sender) expect(chatsAfter[i]).toBe(chatsBefore[i]);
              });
            }
          },
        ),
        { numRuns: sized(245, 80), seed, endOnFailure: true },
      );
      console.log(
        `fuzz: chat commands ${runs} inputs through the bot, ${crashes} crashes, ${rejected} rejected by the parser, ${storedFromRejected} stored from rejected input (seed ${seed})`,
      );
      // what the parser accepted did land: the property is not vacuous
      let items = 0;
      for (const report of h.reports)
        for (const type of ['topic', 'note', 'actionItem'] as const)
          items += (await h.store.pairs.list(pairIdOf(MARIA, report), { type, limit: 1000 })).items.length;
      expect(items).toBeGreaterThan(0);
      console.log(`fuzz: chat commands stored ${items} topics, notes and action items from accepted input`);
    }, 60_000);

    // Teams delivers messages up to about 28 KB: a long one is answered, never refused as malformed.
    it('answers a message longer than 20,000 characters with a reply', async () => {
      const sender = h.reports[0] ?? MARIA;
      const sentBefore = h.teams.activities(sender).filter((a) => a.op === 'send').length;
      const answer = await h.teams.say(sender, `add ${'x'.repeat(MAX_TEXT + 1)}`);
      expect(answer.status).toBe(200);
      expect(h.teams.activities(sender).filter((a) => a.op === 'send').length).toBe(sentBefore + 1);
    });
  });
});
