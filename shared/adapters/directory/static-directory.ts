import type { Directory } from '../../ports.js';

/**
 * A directory from a fixed map of person → manager (the sample organisation, a scenario file).
 * Empty, it knows nobody's manager, and the organizer of a 1:1 counts as the manager.
 */
export function staticDirectory(managers: Readonly<Record<string, string>> = {}): Directory {
  const byEmail = new Map(
    Object.entries(managers).map(([person, manager]) => [person.toLowerCase(), manager.toLowerCase()]),
  );
  return { managerOf: async (email) => byEmail.get(email.toLowerCase()) };
}
