import { log } from '../../log.js';
import type { Clock, Directory, DirectoryPerson } from '../../ports.js';

/**
 * 12 hours: a manager or an alias changes a few times a year, and a change must be seen within a
 * day (issue 16). One lookup per person per half day keeps the Admin SDK's quota (2,400 queries a
 * minute per user) out of reach even when every sync of a large organisation asks.
 */
export const DIRECTORY_CACHE_MINUTES = 12 * 60;

interface Entry {
  readonly person: DirectoryPerson | undefined;
  readonly at: number;
}

/**
 * Answers from the directory, kept for `minutes`. A directory that fails (down, a scope taken away)
 * never stops agendas: the last known answer holds, even past its time, and the failure is logged
 * (the address only as the log's digest). With no answer yet, the person counts as unknown, and the
 * next call asks again. The cache is per worker (memory): a cold worker asks once more.
 */
export function cachedDirectory(
  inner: Directory,
  clock: Clock,
  minutes: number = DIRECTORY_CACHE_MINUTES,
): Directory {
  const entries = new Map<string, Entry>();
  const person = async (email: string): Promise<DirectoryPerson | undefined> => {
    const key = email.toLowerCase();
    const now = clock.now().getTime();
    const known = entries.get(key);
    if (known !== undefined && now - known.at < minutes * 60_000) return known.person;
    try {
      const answer = await inner.person(key);
      entries.set(key, { person: answer, at: now });
      return answer;
    } catch (error) {
      log.warn('directory.unavailable', {
        person: key,
        error: error instanceof Error ? error.name : 'unknown',
        status: (error as { status?: number }).status,
        kept: known !== undefined,
      });
      return known?.person;
    }
  };
  return { person, managerOf: async (email) => (await person(email))?.managerEmail };
}
