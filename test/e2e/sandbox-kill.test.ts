import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openSqliteStore } from '../../shared/adapters/sqlite/sqlite-store.js';
import { killStarted, start, stopped } from '../support/sandbox-process.js';

const folder = mkdtempSync(join(tmpdir(), 'steady-kill-'));
afterAll(() => {
  killStarted();
  rmSync(folder, { recursive: true, force: true });
});

type Card = { body?: unknown; actions?: unknown };
type Chats = { people: { email: string; lines: { text?: string; cards?: Card[] }[] }[] };
const chats = async (inbox: string) => (await (await fetch(`${inbox}/inbox/api/chats`)).json()) as Chats;
const post = (inbox: string, path: string, body: unknown) =>
  fetch(`${inbox}/inbox/api/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** (person, occurrence) of every agenda card in the inbox: agenda cards carry the occurrence in their buttons. */
function agendas(view: Chats): string[] {
  return view.people.flatMap((person) =>
    person.lines
      .flatMap((line) => line.cards ?? [])
      .map(
        (card) =>
          /"verb":"addTopic","data":\{"pairId":"[^"]*","occurrenceId":"([^"]+)"/.exec(
            JSON.stringify(card),
          )?.[1],
      )
      .filter((id): id is string => id !== undefined)
      .map((id) => `${person.email} ${id}`),
  );
}

it('a sandbox killed with SIGKILL and restarted loses no acknowledged topic, note or action item, and sends no agenda twice', async () => {
  const data = join(folder, 'data');
  const first = await start(data);
  expect((await post(first.inbox, 'clock', { minutes: 7 * 1440 })).status).toBe(200);
  const before = agendas(await chats(first.inbox));
  expect(before.length).toBeGreaterThan(0);

  for (const text of ['add Kill-safe topic', 'note Kill-safe shared note', 'action Kill-safe follow-up']) {
    const reply = (await (await post(first.inbox, 'say', { email: 'dev@contoso.com', text })).json()) as {
      status: number;
    };
    expect(reply.status).toBe(200); // acknowledged by the bot
  }
  process.kill(-(first.child.pid ?? 0), 'SIGKILL');
  await new Promise((resolve) => first.child.once('exit', resolve));

  const second = await start(data);
  expect(second.output()).toContain('restarted: data kept');
  // the chats are kept too: every agenda delivered before the kill is still there
  expect(agendas(await chats(second.inbox))).toEqual(expect.arrayContaining(before));
  // an hour on: the scheduler runs again over what was due; nothing delivered before the kill goes again
  expect((await post(second.inbox, 'clock', { minutes: 60 })).status).toBe(200);
  const after = agendas(await chats(second.inbox));
  expect(after.filter((key, index) => after.indexOf(key) !== index)).toEqual([]);

  await post(second.inbox, 'say', { email: 'dev@contoso.com', text: 'agenda' });
  const agendaReply = JSON.stringify(
    (await chats(second.inbox)).people.find((p) => p.email === 'dev@contoso.com')?.lines.at(-1),
  );
  expect(agendaReply).toContain('Kill-safe topic');
  expect(agendaReply).toContain('Kill-safe follow-up');
  await stopped(second.child);

  const store = openSqliteStore(join(data, 'steady.db'));
  try {
    const notes = (await store.pairs.list('maria@contoso.com|dev@contoso.com', { type: 'note' })).items;
    expect(notes.map((n) => n.doc.type === 'note' && n.doc.text)).toContain('Kill-safe shared note');
  } finally {
    await store.close();
  }
}, 150_000);
