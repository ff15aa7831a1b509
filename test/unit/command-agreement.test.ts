/**
 * The chat commands agree everywhere they are written. The table in shared/domain/command.ts makes the
 * parser, the "which 1:1?" replay and the help card; the Teams manifest's command list and the README's
 * command table are files, so this test holds them to the table.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS, parseCommand, replayOf } from '../../shared/domain/index.js';
import { renderCard, visibleText } from '../../teams-app/cards/index.js';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

interface Manifest {
  readonly bots: readonly {
    readonly commandLists: readonly {
      readonly commands: readonly { title: string; description: string }[];
    }[];
  }[];
}

/** The first word of each command in the first column of the README's "## Steady in Teams" table. */
function readmeWords(readme: string): string[] {
  const start = readme.indexOf('## Steady in Teams');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 5));
  const table = section.slice(section.indexOf('| command'));
  const rows = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2);
  return rows.flatMap((row) => {
    const first = row.split(/(?<!\\)\|/)[1] ?? '';
    return [...first.matchAll(/`([^`]+)`/g)].map((m) => (m[1] ?? '').split(' ')[0] ?? '');
  });
}

/** One message per command word that parses to its command. */
const examples: Record<string, string> = {
  help: 'help',
  agenda: 'agenda',
  add: 'add Career path',
  note: 'note Agreed on the plan',
  private: 'private Seemed tired',
  action: 'action @dev Draft the plan by 2026-03-20',
  done: 'done 2',
  feedback: 'feedback You interrupted twice',
  growth: 'growth next',
  digest: 'digest',
  pause: 'pause',
  resume: 'resume',
  export: 'export',
  delete: 'delete my data',
};

describe('the command table', () => {
  const words = COMMANDS.map((command) => command.word);

  it('is what the Teams manifest lists, in order (Teams shows at most 10)', () => {
    const manifest = JSON.parse(read('teams-app/appPackage/manifest.json')) as Manifest;
    const listed = manifest.bots[0]?.commandLists[0]?.commands ?? [];
    const menu = COMMANDS.flatMap((c) =>
      c.menu === undefined ? [] : [{ title: c.word, description: c.menu }],
    );
    expect(listed).toEqual(menu);
    expect(menu.length).toBeLessThanOrEqual(10);
  });

  it("is what the README's command table lists: every command, and no word the parser does not know", () => {
    const readme = readmeWords(read('README.md'));
    const known = COMMANDS.flatMap((c) => [c.word, ...(c.aliases ?? [])]);
    expect(readme.length).toBeGreaterThan(10);
    expect(words.filter((word) => !readme.includes(word))).toEqual([]);
    expect(readme.filter((word) => !known.includes(word))).toEqual([]);
  });

  it('is what the help card shows, one line each', () => {
    const text = visibleText(renderCard('help', {}));
    for (const command of COMMANDS) expect(text).toContain(`${command.usage} – ${command.help}`);
  });

  it('reads each word, and writes each command back so that it reads the same', () => {
    expect(Object.keys(examples)).toEqual(words);
    for (const command of COMMANDS) {
      const parsed = parseCommand(examples[command.word] ?? '');
      if (!parsed.ok) throw new Error(`${command.word}: ${parsed.error.code}`);
      expect(command.replay(parsed.value), command.word).toBeDefined();
      expect(parseCommand(replayOf(parsed.value))).toEqual(parsed);
    }
  });
});
