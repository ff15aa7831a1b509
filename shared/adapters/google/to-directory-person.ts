import type { admin_directory_v1 } from '@googleapis/admin';
import { foldAddress } from '../../domain/index.js';
import type { DirectoryPerson } from '../../ports.js';

const lower = (value: unknown): string | undefined =>
  typeof value === 'string' && value.includes('@') ? foldAddress(value.trim()) : undefined;

/**
 * A `users.get` answer in our terms, converted once here. Relations carry free text in Google
 * (`value`); only those that are addresses count. A record with no primary address is no person.
 */
export function toDirectoryPerson(user: admin_directory_v1.Schema$User): DirectoryPerson | undefined {
  const primaryEmail = lower(user.primaryEmail);
  if (primaryEmail === undefined) return undefined;
  const emails = Array.isArray(user.emails) ? (user.emails as { address?: unknown }[]) : [];
  const addresses = [
    primaryEmail,
    ...emails.map((e) => lower(e.address)),
    ...(user.aliases ?? []).map(lower),
    ...(user.nonEditableAliases ?? []).map(lower),
  ].filter((a): a is string => a !== undefined);
  const relations = Array.isArray(user.relations)
    ? (user.relations as { type?: unknown; value?: unknown }[])
    : [];
  const related = (type: string) =>
    relations
      .filter((r) => r.type === type)
      .map((r) => lower(r.value))
      .filter((a): a is string => a !== undefined);
  const managerEmail = related('manager')[0];
  return {
    ...(typeof user.id === 'string' && user.id !== '' ? { id: user.id } : {}),
    primaryEmail,
    addresses: [...new Set(addresses)],
    ...(managerEmail === undefined ? {} : { managerEmail }),
    dottedLineManagerEmails: [...new Set(related('dotted_line_manager'))],
  };
}
