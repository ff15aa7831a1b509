import { describe, expect, it } from 'vitest';
import { answerRoles, hasTrustedRoles, roleQuestionFor, type Pair } from '../../shared/domain/index.js';

const [MARIA, DEV] = ['maria@contoso.com', 'dev@contoso.com'];
const NOW = '2026-03-02T09:00:00.000Z';

/** A pair stored before issue 28: Maria answered, Dev "settled" it, which then needed nobody else. */
const settledBefore: Pair = {
  type: 'pair',
  id: 'pair',
  pairId: `${MARIA}|${DEV}`,
  managerEmail: DEV,
  reportEmail: MARIA,
  roles: { source: 'confirmed', relation: 'manages', askedEmail: MARIA, confirmedBy: MARIA, settledBy: DEV },
  tracking: 'active',
  createdAt: NOW,
  updatedAt: NOW,
};

describe('a pair settled before issue 28', () => {
  it('is not trusted: the settler’s word waits for the first one to agree', () => {
    expect(hasTrustedRoles(settledBefore)).toBe(false);
    expect(roleQuestionFor(settledBefore, DEV)).toMatchObject({ step: 'wait' });
    expect(roleQuestionFor(settledBefore, MARIA)).toMatchObject({ step: 'check', current: 'managesMe' });
    expect(answerRoles(settledBefore, DEV, { step: 'check', answer: 'right' }, NOW)).toEqual({
      ok: false,
      error: { code: 'AWAITING_OTHER' },
    });
    const agreed = answerRoles(settledBefore, MARIA, { step: 'check', answer: 'right' }, NOW);
    if (!agreed.ok || agreed.value === 'UNCHANGED') throw new Error('expected an agreement');
    expect(agreed.value.roles).toMatchObject({ agreedBy: MARIA });
    expect(agreed.value.roles?.settledBy).toBeUndefined();
    expect(hasTrustedRoles(agreed.value)).toBe(true);
  });
});
