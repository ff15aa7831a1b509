import { createHash } from 'node:crypto';
import { insufficientScopes, notAuthorized, userNotFound } from './errors.js';
import type { DirectoryData, DirectoryTokens, FakeDirectoryUser } from './directory-data.js';
import type { Reply } from './handler-context.js';

const DIRECTORY_SCOPES = [
  'https://www.googleapis.com/auth/admin.directory.user.readonly',
  'https://www.googleapis.com/auth/admin.directory.user',
];

/**
 * `GET /admin/directory/v1/users/{userKey}`, as the Admin SDK answers it: by primary address or
 * alias; 403 for a token without a directory scope or (`admin_view`, the default) a subject who is
 * not an admin; 404 for an address nobody holds. `fields` keeps only the named top-level fields.
 */
export function getDirectoryUser(
  directory: DirectoryData,
  tokens: DirectoryTokens | undefined,
  bearer: string,
  userKey: string,
  query: Record<string, string>,
): Reply {
  if (tokens !== undefined) {
    const token = tokens.tokenOf(bearer);
    const scopes = (token?.scope ?? '').split(' ');
    if (!DIRECTORY_SCOPES.some((s) => scopes.includes(s))) throw insufficientScopes();
    const adminView = (query['viewType'] ?? 'admin_view') === 'admin_view';
    if (adminView && !tokens.admins.includes((token?.subject ?? '').toLowerCase())) throw notAuthorized();
  }
  const user = directory.find(userKey);
  if (user === undefined) throw userNotFound();
  const resource = toResource(user);
  const fields = query['fields']?.split(',').map((f) => f.trim());
  return {
    status: 200,
    body: fields
      ? Object.fromEntries(Object.entries(resource).filter(([k]) => fields.includes(k)))
      : resource,
  };
}

/** The User resource's wire format (the fields Steady reads, and enough around them to look real). */
function toResource(user: FakeDirectoryUser): Record<string, unknown> {
  const id =
    user.id ??
    BigInt(`0x${createHash('sha256').update(user.primaryEmail).digest('hex').slice(0, 15)}`).toString();
  const aliases = user.aliases ?? [];
  const relations = [
    ...(user.manager === undefined ? [] : [{ value: user.manager.toLowerCase(), type: 'manager' }]),
    ...(user.dottedLineManagers ?? []).map((m) => ({ value: m.toLowerCase(), type: 'dotted_line_manager' })),
  ];
  return {
    kind: 'admin#directory#user',
    id,
    etag: `"${id}"`,
    primaryEmail: user.primaryEmail,
    name: { fullName: user.primaryEmail.split('@')[0] ?? '' },
    isAdmin: false,
    suspended: false,
    emails: [{ address: user.primaryEmail, primary: true }, ...aliases.map((address) => ({ address }))],
    ...(aliases.length === 0 ? {} : { aliases }),
    ...(relations.length === 0 ? {} : { relations }),
    customerId: 'C0fake000',
    orgUnitPath: '/',
  };
}
