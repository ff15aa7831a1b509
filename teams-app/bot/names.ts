import type { Pair } from '../../shared/domain/index.js';
import type { Store } from '../../shared/ports.js';
import { userByEmail } from '../../shared/services/people.js';

/** Display names by email, read before presenting, so that presenters read no store. */
export type Names = ReadonlyMap<string, string>;

/** A person's display name: their Teams name if they installed Steady, else their email's local part. */
export async function nameOf(store: Store, email: string): Promise<string> {
  return (await userByEmail(store, email))?.name ?? email.split('@')[0] ?? email;
}

/** The display names of `emails`, each read once. */
export async function namesOf(store: Store, emails: readonly string[]): Promise<Names> {
  const unique = [...new Set(emails)];
  return new Map(
    await Promise.all(unique.map(async (email) => [email, await nameOf(store, email)] as const)),
  );
}

/** The names of a pair's two people. */
export const pairNames = (store: Store, pair: Pair): Promise<Names> =>
  namesOf(store, [pair.managerEmail, pair.reportEmail]);

/** One line per pair for "which 1:1?". */
export async function pairLabel(store: Store, pair: Pair, viewerEmail: string): Promise<string> {
  const other = pair.managerEmail === viewerEmail ? pair.reportEmail : pair.managerEmail;
  return `1:1 with ${await nameOf(store, other)}`;
}
