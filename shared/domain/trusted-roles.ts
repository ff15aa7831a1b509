import type { Pair } from './pair.js';

/**
 * Whether a trusted source says the pair's `managerEmail` manages its `reportEmail`: the directory, or
 * both people in chat (one answered, the other agreed). Every manager-only piece (coaching tip, trust
 * digest, cadence alert, shared deep-dive answers, the deep-dive prompt, planning a career talk) asks
 * this first.
 */
export function hasTrustedRoles(pair: Pick<Pair, 'roles'>): boolean {
  const roles = pair.roles;
  if (roles === undefined || roles.relation === 'peers') return false;
  return roles.source === 'directory' || (roles.source === 'confirmed' && roles.agreedBy !== undefined);
}
