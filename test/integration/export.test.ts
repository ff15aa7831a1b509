import { afterEach, describe, expect, it } from 'vitest';
import { isAllowedUploadUrl } from '../../shared/adapters/teams/file-upload.js';
import { pairIdOf } from '../../shared/domain/index.js';
import { pairOccurrences } from '../../shared/services/one-on-one/occurrences.js';
import { userByEmail } from '../../shared/services/people.js';
import { DEV, MARIA, botHarness } from '../support/bot-harness.js';
import { attachmentsOf as attachmentsIn, exportFile } from '../support/export-file.js';

type Harness = Awaited<ReturnType<typeof botHarness>>;
let h: Harness;
afterEach(async () => h.stop());

const PAIR = pairIdOf(MARIA, DEV);
const attachmentsOf = (email: string) => attachmentsIn(h.teams, email);
const lastText = (email: string) =>
  h.teams
    .activities(email)
    .filter((a) => a.op === 'send')
    .at(-1)?.text;

/** Dev and Maria's 1:1 with something of everything, some of it private to one of them. */
async function history() {
  h = await botHarness();
  await h.install(MARIA, DEV);
  await h.teams.say(DEV, 'add Career path for next quarter');
  await h.teams.say(DEV, 'private Thinking about the platform team');
  await h.teams.say(MARIA, 'private Dev seemed tired');
  await h.teams.say(MARIA, 'note Agreed to split the project');
  await h.teams.say(MARIA, 'action @dev Send the design doc by 2026-03-20');
  const [first] = await pairOccurrences(h.store, PAIR);
  await h.teams.invoke(DEV, {
    verb: 'submitDeepDive',
    data: {
      pairId: PAIR,
      occurrenceId: first?.id ?? '',
      happiness: '4',
      makeItTen: 'Less on-call',
      share: 'false',
    },
  });
}

/** `export`, then Allow: the file the bot put in the person's OneDrive, parsed. */
async function exported(email: string): Promise<Record<string, unknown>> {
  const { consent, info, file, json } = await exportFile(h.teams, email);
  expect(consent?.contentType).toBe('application/vnd.microsoft.teams.card.file.consent');
  expect(consent?.name).toMatch(/^steady-export-2026-03-\d\d\.json$/);
  expect(info?.contentType).toBe('application/vnd.microsoft.teams.card.file.info');
  expect(file).toBeDefined();
  expect(info?.content?.['fileType']).toBe('json');
  return json;
}

describe('export', () => {
  it("gives the person a JSON file in their chat with everything of their 1:1s they may see, and nothing of the other's private", async () => {
    await history();
    const file = await exported(DEV);
    const json = JSON.stringify(file);
    expect(file).toMatchObject({ format: 'steady-export/1', person: { email: DEV, name: 'Dev Patel' } });
    expect(file['person']).not.toHaveProperty('conversation');
    for (const mine of [
      'Career path for next quarter',
      'Thinking about the platform team',
      'Agreed to split the project',
      'Send the design doc',
      'Less on-call',
    ])
      expect(json).toContain(mine);
    expect(json).not.toContain('Dev seemed tired');
    expect(JSON.stringify((file['pairs'] as unknown[])[0])).toContain('"role":"report"');
  });

  it("gives the manager the report's answers only when shared, and never the report's private notes", async () => {
    await history();
    const json = JSON.stringify(await exported(MARIA));
    expect(json).toContain('Dev seemed tired');
    expect(json).toContain('Career path for next quarter');
    expect(json).not.toContain('Thinking about the platform team');
    expect(json).not.toContain('Less on-call');
  });

  it('gives the manager the record of each monthly trust digest sent to them, and no one else', async () => {
    await history();
    await h.at('2026-03-02T09:00:00Z'); // the agendas of the deep-dive 1:1 of 3 March, and Maria's March digest
    const maria = (await userByEmail(h.store, MARIA))!;
    const file = await exported(MARIA);
    expect(file['trustDigests']).toEqual([
      expect.objectContaining({
        type: 'delivery',
        kind: 'trustDigest',
        occurrenceId: 'digest:2026-03',
        recipientUserId: maria.userId,
        state: 'sent',
      }),
    ]);
    const dev = await exported(DEV);
    expect(dev['trustDigests']).toEqual([]);
    expect(JSON.stringify(dev)).not.toContain('digest:2026-03');
  });

  it('writes nothing when the person declines, or for a consent that is not Steady’s', async () => {
    await history();
    await h.teams.say(DEV, 'export');
    await h.teams.fileConsent(DEV, 'decline');
    expect(lastText(DEV)).toBe('No file then. Type export whenever you want one.');
    expect(attachmentsOf(DEV).filter((a) => a.contentType.endsWith('file.info'))).toEqual([]);
  });

  it('uploads only to OneDrive (loopback in the sandbox alone)', () => {
    expect(isAllowedUploadUrl('https://contoso-my.sharepoint.com/personal/dev/_api/upload?x=1', false)).toBe(
      true,
    );
    expect(isAllowedUploadUrl('http://127.0.0.1:3979/files/upload/file-1', true)).toBe(true);
    expect(isAllowedUploadUrl('http://127.0.0.1:3979/files/upload/file-1', false)).toBe(false);
    expect(isAllowedUploadUrl('https://attacker.example/upload', false)).toBe(false);
    expect(isAllowedUploadUrl('https://contoso-my.sharepoint.com.attacker.example/x', false)).toBe(false);
  });
});
