import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pairIdOf } from '../../shared/domain/index.js';
import { userByEmail } from '../../shared/services/people.js';
import { visibleText } from '../../teams-app/cards/visible-text.js';
import { ANA, DEV, MARIA, botHarness } from '../support/bot-harness.js';

// Steady's real bot (local mode) driven through Microsoft's Agents Playground, headless: the
// playground posts Teams activities to the bot's /api/messages and emulates the Bot Connector the
// bot replies to. Its test API is undocumented (read from the package's own code, v0.2.28):
//   GET  /_debug/ping                                   -> "pong" once up
//   GET  /_internal/v1/config                           -> mock tenant, current user, personal chat
//   POST /_conversation/v1/conversations/{id}/messages  -> the current user says something
// What the bot sends lands in devTools/m365agentsplayground.log as `createMessage` actions.

const BIN = fileURLToPath(new URL('../../node_modules/.bin/agentsplayground', import.meta.url));
const TENANT = '00000000-0000-0000-0000-0000000000001';
const BOT_ID = '00000000-0000-0000-0000-00000000000011';
const CHAT = 'steady-playground-personal-chat';
const DEV_AAD = '00000000-0000-0000-0000-0000000000020';

// The playground's mock data, from `.m365agentsplayground.yml` in its cwd (schema 0.1.1: exactly
// five other users). The current user, who chats with the bot, is Dev, so the member lookup gives
// the bot dev@contoso.com, whose weekly 1:1 with Maria the harness seeds on Google.
const user = (indent: string, id: string, name: string, email: string, aad: string) => {
  const [given = name, surname = name] = name.split(' ');
  return [
    `id: ${id}`,
    `name: ${name}`,
    `userPrincipleName: ${email}`,
    `aadObjectId: ${aad}`,
    `givenName: ${given}`,
    `surname: ${surname}`,
    `email: ${email}`,
  ].join(`\n${indent}`);
};
const others: [string, string][] = [
  ['Maria Lopez', MARIA],
  ['Ana Silva', ANA],
  ['Adele Vance', 'adelev@contoso.com'],
  ['Patti Fernandez', 'pattif@contoso.com'],
  ['Lynne Robbins', 'lynner@contoso.com'],
];
const CONFIG = `version: "0.1.1"
tenantId: ${TENANT}
bot:
  id: ${BOT_ID}
  name: Steady
currentUser:
  ${user('  ', 'user-id-0', 'Dev Patel', DEV, DEV_AAD)}
users:
${others.map(([name, email], i) => `  - ${user('    ', `user-id-${i + 1}`, name, email, `00000000-0000-0000-0000-00000000000${21 + i}`)}`).join('\n')}
personalChat:
  id: ${CHAT}
groupChat:
  id: steady-playground-group-chat
  name: Group Chat
team:
  id: steady-playground-team
  name: My Team
  aadGroupId: 00000000-0000-0000-0000-000000000031
  channels:
    - id: steady-playground-channel
      name: Announcements
`;

interface PlaygroundMessage {
  messageId: string;
  from: { id: string };
  text?: string;
  attachments?: { contentType: string; content: unknown }[];
}

type Harness = Awaited<ReturnType<typeof botHarness>>;
let harness: Harness | undefined;
let playground: ChildProcess | undefined;
let output = '';
let base = '';
let welcomeCard: PlaygroundMessage | undefined;
const folder = mkdtempSync(join(tmpdir(), 'steady-playground-'));
const logFile = join(folder, 'devTools', 'm365agentsplayground.log');

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, ms: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (playground?.exitCode != null) throw new Error(`agentsplayground exited while ${what}:\n${output}`);
    const found = await probe().catch(() => undefined);
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out ${what}; agentsplayground said:\n${output}`);
    await sleep(100);
  }
}

/** The messages the bot sent into the personal chat, as the playground recorded them. */
function botMessages(): PlaygroundMessage[] {
  if (!existsSync(logFile)) return [];
  return readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((line) => line.includes('"action":"createMessage"'))
    .map(
      (line) =>
        JSON.parse(line.slice(line.indexOf('{'))) as {
          actionConversationId?: string;
          message: PlaygroundMessage;
        },
    )
    .filter((entry) => entry.actionConversationId === CHAT && entry.message.from.id === BOT_ID)
    .map((entry) => entry.message);
}

/** Dev types `text` in the playground's personal chat; resolves with the bot's reply. */
async function say(text: string): Promise<PlaygroundMessage> {
  const before = botMessages().length;
  const response = await fetch(`${base}/_conversation/v1/conversations/${CHAT}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from: { id: 'user-id-0' }, text, textFormat: 'plain' }),
  });
  expect(response.status).toBe(200);
  return until(`waiting for the reply to "${text}"`, 15_000, async () => botMessages()[before]);
}

const shown = (message: PlaygroundMessage) => message.text ?? visibleText(message.attachments?.[0]?.content);

async function stopPlayground() {
  const child = playground;
  if (child?.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), name); // its whole process group
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

beforeAll(async () => {
  writeFileSync(join(folder, '.m365agentsplayground.yml'), CONFIG);
  harness = await botHarness({ allowedTenants: [TENANT.toLowerCase()] });
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', CI: 'true' };
  for (const name of Object.keys(env))
    if (/^(M365_AGENTS_PLAYGROUND_|TEAMSAPPTESTER_(?!BROWSER)|TEAMS_APP_TEST_TOOL_)/.test(name))
      delete env[name];
  playground = spawn(
    BIN,
    ['-e', harness.endpoint, '-c', 'msteams', '--disable-telemetry', '-p', String(port)],
    { cwd: folder, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const collect = (chunk: Buffer) => void (output = (output + chunk.toString('utf8')).slice(-20_000));
  playground.stdout?.on('data', collect);
  playground.stderr?.on('data', collect);
  // It falls back to a random port when the one given is taken: trust what it says it listens on.
  const listening = await until('starting', 30_000, async () => /Listening on (\d+)/.exec(output)?.[1]);
  base = `http://127.0.0.1:${listening}`;
  await until('waiting for /_debug/ping', 30_000, async () => {
    const ping = await fetch(`${base}/_debug/ping`);
    return ping.ok && (await ping.text()) === 'pong' ? true : undefined;
  });
  // Dev installs Steady (the playground sends `installationUpdate`/add into the personal chat): the
  // bot looks Dev up, welcomes them and starts following their calendar; the sync finds the 1:1.
  const installed = await fetch(`${base}/_debug/conversation/${CHAT}/installation`, { method: 'POST' });
  expect(installed.status).toBe(200);
  welcomeCard = await until('waiting for the welcome', 15_000, async () => botMessages()[0]);
  await harness.calendar.drainSyncs();
}, 60_000);

afterAll(async () => {
  await stopPlayground();
  await harness?.stop();
  rmSync(folder, { recursive: true, force: true });
}, 30_000);

describe('Steady in the Microsoft 365 Agents Playground', () => {
  it('uses the mock tenant, user and chat from its config file', async () => {
    const config = (await (await fetch(`${base}/_internal/v1/config`)).json()) as {
      config: {
        tenantId: string;
        currentUser: { id: string; email: string };
        personalChat: { id: string };
      };
      internalConfig: { channelId: string };
    };
    expect(config.config).toMatchObject({
      tenantId: TENANT,
      currentUser: { id: 'user-id-0', email: DEV },
      personalChat: { id: CHAT },
    });
    expect(config.internalConfig.channelId).toBe('msteams');
  }, 60_000);

  it('is welcomed on install, after the bot learned who Dev is from the member lookup', async () => {
    expect(welcomeCard?.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(shown(welcomeCard!)).toMatch(/Steady/);
    const dev = await userByEmail(harness!.store, DEV);
    expect(dev).toMatchObject({ aadObjectId: DEV_AAD, tenantId: TENANT, reachable: true });
    expect(dev?.conversation).toEqual({
      conversationId: CHAT,
      serviceUrl: expect.stringMatching(/^http:\/\/localhost:\d+\/_connector$/) as unknown,
    });
  }, 60_000);

  it('answers `help` with the help card', async () => {
    const reply = await say('help');
    expect(reply.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(shown(reply)).toContain('add <topic>');
  }, 60_000);

  it('answers `add <topic>` by adding it to the next 1:1 with Maria', async () => {
    const reply = await say('add Career path for next quarter');
    expect(shown(reply)).toMatch(/^Added to the agenda of your 1:1 with .+ on /);
    expect(shown(reply)).toBe(
      'Added to the agenda of your 1:1 with maria on 2026-03-03: Career path for next quarter',
    );
    const topics = await harness!.store.pairs.list(pairIdOf(MARIA, DEV), { type: 'topic' });
    expect(topics.items.map((i) => i.doc)).toMatchObject([
      { text: 'Career path for next quarter', authorEmail: DEV },
    ]);
  }, 60_000);
});
