import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ActivityIds } from '../../sandbox/fake-teams/activity-ids.js';
import { ADAPTIVE_CARD, ChatLog } from '../../sandbox/fake-teams/chat-log.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
const journalFile = () => {
  const folder = mkdtempSync(join(tmpdir(), 'steady-chatlog-'));
  folders.push(folder);
  return join(folder, 'chats.jsonl');
};
const card = (title: string) => ({
  type: 'message',
  attachments: [{ contentType: ADAPTIVE_CARD, content: { type: 'AdaptiveCard', title } }],
});
const CHAT = 'a:1chat';
let clock = 1_000;
const ids = () => new ActivityIds(() => clock);

describe("the fake Teams' chat journal", () => {
  it('brings back every chat as it was: messages, updates, deletions, in order', () => {
    const file = journalFile();
    const first = new ChatLog(ids(), file);
    first.userSaid(CHAT, 'u1', 'agenda', 1_000);
    const agenda = first.botSent(CHAT, card('agenda v1'), 1_001);
    const extra = first.botSent(CHAT, { type: 'message', text: 'Added.' }, 1_002);
    first.botUpdated(CHAT, agenda, card('agenda v2'), 1_003);
    first.botDeleted(CHAT, extra, 1_004);

    const second = new ChatLog(ids(), file);
    expect(second.transcript(CHAT)).toEqual(first.transcript(CHAT));
    expect(second.sent()).toEqual(first.sent());
    expect(second.latestCard(CHAT)).toEqual({
      activityId: agenda,
      card: card('agenda v2').attachments[0]!.content,
    });
    // a card sent before the restart can still be updated after it
    expect(second.botUpdated(CHAT, agenda, card('agenda v3'), 1_005)).toBe(true);
    expect(new ChatLog(ids(), file).latestCard(CHAT)?.card).toEqual({
      type: 'AdaptiveCard',
      title: 'agenda v3',
    });
  });

  it('gives new messages ids above the restored ones, even on a clock that went back', () => {
    const file = journalFile();
    clock = 5_000;
    const first = new ChatLog(ids(), file);
    const before = Number(first.botSent(CHAT, { type: 'message', text: 'one' }, 5_000));
    clock = 1_000;
    const after = Number(new ChatLog(ids(), file).botSent(CHAT, { type: 'message', text: 'two' }, 1_000));
    expect(after).toBeGreaterThan(before);
  });

  it('skips a line torn by a kill and keeps the rest', () => {
    const file = journalFile();
    const first = new ChatLog(ids(), file);
    first.botSent(CHAT, { type: 'message', text: 'kept' }, 1_000);
    appendFileSync(file, '{"op":"sent","conversationId":"a:1chat","id":"99","con');
    const second = new ChatLog(ids(), file);
    expect(second.transcript(CHAT)).toHaveLength(1);
    second.botSent(CHAT, { type: 'message', text: 'after' }, 1_001);
    expect(readFileSync(file, 'utf8')).toContain('"after"');
  });

  it('keeps nothing on disk without a journal file', () => {
    const log = new ChatLog(ids());
    log.botSent(CHAT, { type: 'message', text: 'in memory' }, 1_000);
    expect(new ChatLog(ids()).transcript(CHAT)).toEqual([]);
  });
});
