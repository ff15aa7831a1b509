import { existsSync } from 'node:fs';
import { CLAIM_REFUSALS, type ClaimRefusal } from '../../shared/domain/index.js';
import type { Config } from '../../shared/config.js';
import type { Store } from '../../shared/ports.js';
import { allDocs } from '../../shared/services/pair-docs.js';
import { fail, pass, skip, type Check } from './check.js';

const SHOWN = 5;

const REFUSED: Record<ClaimRefusal['reason'], (r: ClaimRefusal) => string> = {
  ADDRESS_TAKEN: (r) => `claimed by ${r.claimantUserId}, held by ${r.holderUserId ?? '?'}`,
  DOMAIN_NOT_ALLOWED: (r) => `claimed by ${r.claimantUserId}, outside its tenant's TENANT_DOMAINS`,
  MAPPED_COLLISION: (r) =>
    `reached by ${r.claimantUserId} only through DOMAIN_MAP, but it is ${r.holderUserId ?? '?'}'s own address`,
};

/**
 * The address claims Steady refused: a second Teams identity that asked for an address another one
 * holds, one outside its tenant's domains (`TENANT_DOMAINS`), or one `DOMAIN_MAP` led to that is another
 * person's own (`MAPPED_COLLISION`). Each is named, so an admin can
 * tell a takeover attempt from a person whose old account still holds their address.
 */
export const addressesCheck: Check = {
  name: 'addresses',
  needs: 'store',
  run: async ({ config }) => {
    const store = await openStore(config.store);
    if (store === undefined)
      return skip(`no SQLite file at ${config.store.kind === 'sqlite' ? config.store.file : ''} yet`);
    try {
      const refused = await allDocs(store.users, CLAIM_REFUSALS, 'claimRefusal');
      if (refused.length === 0) return pass('no address was claimed by a second Teams identity');
      const named = refused
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
        .slice(0, SHOWN)
        .map((r) => `${r.address} ${REFUSED[r.reason](r)} (${r.updatedAt})`);
      const more = refused.length > SHOWN ? `; and ${refused.length - SHOWN} more` : '';
      return fail(
        `${refused.length} refused address claim${refused.length === 1 ? '' : 's'}: ${named.join('; ')}${more}`,
        'each was refused in chat and changed nothing; a claimant from another tenant is a takeover attempt ' +
          "(check that tenant's ALLOWED_TENANTS entry); if the claimant is the address's owner, the holding account " +
          'must leave Steady first (uninstall the app, or `delete my data`), or fix DOMAIN_MAP/TENANT_DOMAINS (docs/tenants.md); ' +
          "a DOMAIN_MAP collision is two people with one name in both domains: list the mapped person's Teams address " +
          'as an alias of their Google account in the directory, which then wins over the mapping',
      );
    } finally {
      await store.close();
    }
  },
  timeoutFix: (config) =>
    config.store.kind === 'cosmos'
      ? `check that ${config.store.endpoint} is reachable from here`
      : 'check the disk',
};

async function openStore(config: Config['store']): Promise<Store | undefined> {
  if (config.kind === 'sqlite') {
    if (!existsSync(config.file)) return undefined; // the doctor never creates the store
    const { openSqliteStore } = await import('../../shared/adapters/sqlite/sqlite-store.js');
    return openSqliteStore(config.file);
  }
  const [{ doctorCosmosClient }, { openCosmosStore }] = await Promise.all([
    import('./cosmos-client.js'),
    import('../../shared/adapters/cosmos/cosmos-store.js'),
  ]);
  return openCosmosStore(await doctorCosmosClient(config), config.database);
}
