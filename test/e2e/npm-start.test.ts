import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const folder = mkdtempSync(join(tmpdir(), 'steady-start-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(folder, { recursive: true, force: true });
});

/** Runs `npm start` and waits until it says it is running; returns its URLs and the process. */
async function start(): Promise<{
  child: ChildProcess;
  inbox: string;
  functions: string;
  output: () => string;
}> {
  const child = spawn('npm', ['start', '--silent'], {
    env: {
      ...process.env,
      STEADY_DATA_DIR: join(folder, 'data'),
      STEADY_HOST_PORT: '0',
      STEADY_INBOX_PORT: '0',
      STEADY_MODE: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, as a terminal gives it: Ctrl-C reaches npm and Steady alike
  });
  children.push(child);
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ctrl-C stops everything.')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
  });
  const inbox = /open (http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1] ?? '';
  const functions = /functions {2}(http:\/\/127\.0\.0\.1:\d+)\/api/.exec(output)?.[1] ?? '';
  return { child, inbox, functions, output: () => output };
}

/** Ctrl-C (SIGINT to the whole process group); resolves when npm has exited. */
const stopped = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    process.kill(-(child.pid ?? 0), 'SIGINT');
  });

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
  expect((await chats(second.inbox)).clock >= week.clock).toBe(true);
  expect(await (await fetch(`${second.functions}/api/health`)).json()).toEqual({
    status: 'ok',
    store: 'sqlite',
  });
  await stopped(second.child);
}, 180_000);
