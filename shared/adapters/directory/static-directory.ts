import type { Directory } from '../../ports.js';

/**
 * A directory from a fixed map of person → manager (tests, the benchmarks). Empty, it knows nobody,
 * as a deployment with no directory.
 */
export function staticDirectory(managers: Readonly<Record<string, string>> = {}): Directory {
  const byEmail = new Map(
    Object.entries(managers).map(([person, manager]) => [person.toLowerCase(), manager.toLowerCase()]),
  );
  const known = new Set([...byEmail.keys(), ...byEmail.values()]);
  return {
    person: async (email) => {
      const address = email.toLowerCase();
      if (!known.has(address)) return undefined;
      const managerEmail = byEmail.get(address);
      return {
        id: `static:${address}`,
        primaryEmail: address,
        addresses: [address],
        ...(managerEmail ? { managerEmail } : {}),
        dottedLineManagerEmails: [],
      };
    },
    managerOf: async (email) => byEmail.get(email.toLowerCase()),
  };
}
