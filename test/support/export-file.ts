import type { FakeTeams } from '../../sandbox/fake-teams/index.js';

export type Attachment = {
  contentType: string;
  name?: string;
  contentUrl?: string;
  content?: Record<string, unknown>;
};

/** What the bot sent a person as attachments, oldest first. */
export const attachmentsOf = (teams: FakeTeams, email: string): Attachment[] =>
  teams
    .activities(email)
    .filter((a) => a.op === 'send')
    .flatMap((a) => (a.attachments ?? []) as Attachment[]);

/**
 * `export`, then Allow on the file consent card: the consent card, the file card the bot sent after
 * the upload, and the file it put in the person's OneDrive (parsed when it is JSON).
 */
export async function exportFile(teams: FakeTeams, email: string) {
  await teams.say(email, 'export');
  const consent = attachmentsOf(teams, email).at(-1);
  await teams.fileConsent(email, 'accept');
  const info = attachmentsOf(teams, email).at(-1);
  const file = teams.file(String(info?.content?.['uniqueId']));
  return { consent, info, file, json: JSON.parse(file?.toString('utf8') ?? '{}') as Record<string, unknown> };
}
