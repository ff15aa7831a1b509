import { Email, foldAddress, mappedAddress, type AddressRules } from '../domain/index.js';
import type { Directory, DirectoryPerson } from '../ports.js';

/**
 * How Steady came to an address: `exact` when the directory knows the address itself (as a person's
 * primary address or an alias) or the address is taken as it is; `mapped` when only `DOMAIN_MAP`'s
 * guess led to it. An exact claim is stronger than a mapped one (`saveUser`).
 */
export type FoundBy = 'exact' | 'mapped';

export interface GoogleAddress {
  readonly email: string;
  readonly via: FoundBy;
  /** The directory's id of the person found (`DirectoryPerson.id`), if it found one. */
  readonly directoryId?: string;
}

const idOf = (person: DirectoryPerson | undefined) =>
  person?.id === undefined ? {} : { directoryId: person.id };

/**
 * The Google address an address stands for (a Teams profile's, or an invitation's). The directory's
 * answer for the address itself always wins; `DOMAIN_MAP` is used only when the directory does not
 * know it (then the directory's primary address of the mapped one, if it knows that). Undefined for
 * what is not an address Steady accepts (`Email`: ASCII once folded).
 */
export async function googleAddress(
  deps: { readonly directory: Directory; readonly addressRules: AddressRules },
  address: string,
): Promise<GoogleAddress | undefined> {
  const parsed = Email.safeParse(address);
  if (!parsed.success) return undefined;
  const exact = await deps.directory.person(parsed.data);
  if (exact !== undefined) return { email: foldAddress(exact.primaryEmail), via: 'exact', ...idOf(exact) };
  const mapped = mappedAddress(deps.addressRules, parsed.data);
  if (mapped === parsed.data) return { email: mapped, via: 'exact' };
  const person = await deps.directory.person(mapped);
  return { email: foldAddress(person?.primaryEmail ?? mapped), via: 'mapped', ...idOf(person) };
}
