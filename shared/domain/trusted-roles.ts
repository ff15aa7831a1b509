import type { Pair } from './pair.js';

/**
 * Whether a trusted source (the directory, or the pair's confirmation in chat) says the pair's
 * `managerEmail` manages its `reportEmail`. Every manager-only piece (coaching tip, trust digest,
 * cadence alert, shared deep-dive answers, the deep-dive prompt, planning a career talk) asks this first.
 */
export function hasTrustedRoles(pair: Pick<Pair, 'roles'>): boolean {
  const roles = pair.roles;
  if (roles === undefined || roles.relation === 'peers') return false;
  return roles.source === 'directory' || roles.source === 'confirmed';
}
