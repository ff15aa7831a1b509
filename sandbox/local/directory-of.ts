import type { FakeDirectoryUser } from '../fake-google/index.js';

/**
 * The fake directory's people from a person → manager map and any more entries: everyone named
 * there is a person of the directory (a manager too), the entries given winning over the map's.
 */
export function directoryOf(
  managers: Readonly<Record<string, string>>,
  more: readonly FakeDirectoryUser[],
): FakeDirectoryUser[] {
  const people = new Map<string, FakeDirectoryUser>();
  for (const [person, manager] of Object.entries(managers)) {
    people.set(person.toLowerCase(), { primaryEmail: person, manager });
    if (!people.has(manager.toLowerCase())) people.set(manager.toLowerCase(), { primaryEmail: manager });
  }
  for (const user of more) {
    const known = people.get(user.primaryEmail.toLowerCase());
    people.set(user.primaryEmail.toLowerCase(), { ...known, ...user });
  }
  return [...people.values()];
}
