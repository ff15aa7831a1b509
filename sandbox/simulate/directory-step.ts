import type { FakeDirectoryUser, FakeGoogleCalendar } from '../fake-google/index.js';
import type { Scenario } from './scenario.js';

type Set = Extract<Scenario['steps'][number], { directory: string }>['set'];

/**
 * The simulation's directory entries as they stand, changed by `directory` steps: each change
 * replaces the fields it gives (a `null` manager: none) and is served from then on, as production's
 * directory serves an edit (Steady sees it at its next question to the directory: within a day).
 */
export function directoryEntries(
  people: Scenario['people'],
  google: Pick<FakeGoogleCalendar, 'setDirectoryUser'>,
) {
  const entries = new Map<string, FakeDirectoryUser>(
    people.map((p) => [
      p.email,
      {
        primaryEmail: p.email,
        ...(p.manager === undefined ? {} : { manager: p.manager }),
        ...(p.aliases === undefined ? {} : { aliases: p.aliases }),
      },
    ]),
  );
  return {
    change(email: string, set: Set): void {
      const { manager: before, ...rest } = entries.get(email) ?? { primaryEmail: email };
      const manager = set.manager === undefined ? before : (set.manager ?? undefined);
      const entry: FakeDirectoryUser = {
        ...rest,
        ...(manager === undefined ? {} : { manager }),
        ...(set.aliases === undefined ? {} : { aliases: set.aliases }),
      };
      entries.set(email, entry);
      google.setDirectoryUser(entry);
    },
  };
}
