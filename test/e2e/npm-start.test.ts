import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { killStarted, start as startIn, stopped } from '../support/sandbox-process.js';

const folder = mkdtempSync(join(tmpdir(), 'steady-start-'));
afterAll(() => {
  killStarted();
  rmSync(folder, { recursive: true, force: true });
});

/** Runs `npm start` on the test's data folder (the same one each time, to see the data kept). */
const start = () => startIn(join(folder, 'data'));

/** Whether anything still answers at a URL (a stopped sandbox must leave nothing listening). */
const answers = (url: string) =>
  fetch(url).then(
    () => true,
    () => false,
  );

type Chats = {
  clock: string;
  people: { email: string; installed: boolean; lines: { cards?: { fallbackText?: string }[] }[] }[];
};
const chats = async (inbox: string) => (await (await fetch(`${inbox}/inbox/api/chats`)).json()) as Chats;
const cardsOf = (view: Chats, email: string) =>
  view.people
    .find((p) => p.email === email)
    ?.lines.flatMap((l) => l.cards ?? [])
    .map((c) => c.fallbackText ?? '') ?? [];

it('`npm start` runs the whole system locally: functions, fake Google, fake Teams inbox with a clock, and keeps data across a restart', async () => {
  const first = await start();
  expect(first.output()).toContain('first run: everyone installed Steady');
  expect(await (await fetch(`${first.functions}/api/health`)).json()).toEqual({
    status: 'ok',
    store: 'sqlite',
  });
  const inboxPage = await (await fetch(`${first.inbox}/`)).text();
  expect(inboxPage).toContain('+1 week');
  const welcomed = await chats(first.inbox);
  expect(
    welcomed.people.map((p) => [p.email, cardsOf(welcomed, p.email).some((c) => /Welcome/.test(c))]),
  ).toEqual([
    ['maria@contoso.com', true],
    ['dev@contoso.com', true],
    ['ana@contoso.com', true],
    ['li@contoso.com', true],
  ]);
  // Maria cancelled her next two 1:1s with Li a moment after the start: the alert is already there
  expect(
    cardsOf(welcomed, 'maria@contoso.com').filter((c) => c === 'A 1:1 keeps being missed.'),
  ).toHaveLength(1);
  const advanced = await fetch(`${first.inbox}/inbox/api/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ minutes: 7 * 1440 }),
  });
  expect(advanced.status).toBe(200);
  const week = await chats(first.inbox);
  expect(cardsOf(week, 'dev@contoso.com').some((c) => /agenda/i.test(c))).toBe(true);
  expect(cardsOf(week, 'maria@contoso.com').filter((c) => /agenda/i.test(c)).length).toBeGreaterThanOrEqual(
    2,
  );
  await stopped(first.child);
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect([await answers(`${first.functions}/api/health`), await answers(first.inbox)]).toEqual([
    false,
    false,
  ]);

  const second = await start();
  expect(second.output()).toContain('restarted: data kept');
  const again = await chats(second.inbox);
  expect(again.clock >= week.clock).toBe(true);
  expect(cardsOf(again, 'maria@contoso.com').filter((c) => c === 'A 1:1 keeps being missed.')).toHaveLength(
    1,
  );
  expect(await (await fetch(`${second.functions}/api/health`)).json()).toEqual({
    status: 'ok',
    store: 'sqlite',
  });
  await stopped(second.child);
}, 180_000);
