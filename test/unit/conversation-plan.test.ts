import { describe, expect, test } from 'vitest';
import {
  ConversationPlan,
  checkConversationChoice,
  conversationFor,
  conversationPlanIdOf,
  type Occurrence,
} from '../../shared/domain/index.js';
import { renderCard, visibleText } from '../../teams-app/cards/index.js';
import { agendaSamples } from '../support/card-samples.js';

const occurrence = (day: string, status: Occurrence['status'] = 'confirmed'): Occurrence => ({
  type: 'occurrence',
  id: `occurrence:${day}`,
  pairId: 'm@x.com|r@x.com',
  seriesId: 'series',
  originalStart: `${day}T08:00:00.000Z`,
  start: `${day}T08:00:00.000Z`,
  end: `${day}T08:30:00.000Z`,
  status,
  declinedBy: [],
  jobs: [],
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
});
const plan = (day: string, kind: 'career' | 'promotion', updatedAt = '2026-03-01T00:00:00.000Z') =>
  ConversationPlan.parse({
    type: 'conversationPlan',
    id: conversationPlanIdOf(`occurrence:${day}`),
    pairId: 'm@x.com|r@x.com',
    occurrenceId: `occurrence:${day}`,
    occurrenceStart: `${day}T08:00:00.000Z`,
    kind,
    ...(kind === 'promotion' ? { role: 'Senior engineer' } : {}),
    plannedByEmail: 'm@x.com',
    createdAt: updatedAt,
    updatedAt,
  });

describe('career and promotion conversation rules', () => {
  test('a promotion conversation needs its role; career and none need nothing; anything else is refused', () => {
    expect(checkConversationChoice({ kind: 'career', role: 'ignored' })).toEqual({
      ok: true,
      value: { kind: 'career' },
    });
    expect(checkConversationChoice({ kind: 'none' })).toEqual({ ok: true, value: { kind: 'none' } });
    expect(checkConversationChoice({ kind: 'promotion', role: '  Staff engineer ' })).toEqual({
      ok: true,
      value: { kind: 'promotion', role: 'Staff engineer' },
    });
    expect(checkConversationChoice({ kind: 'promotion', role: '  ' })).toEqual({
      ok: false,
      error: 'Role: write the role the promotion is about, e.g. Senior engineer.',
    });
    expect(checkConversationChoice({ kind: 'promotion', role: 'x'.repeat(101) })).toEqual({
      ok: false,
      error: 'Role: it must be at most 100 characters.',
    });
    expect(checkConversationChoice({ kind: 'raise' }).ok).toBe(false);
    expect(checkConversationChoice({}).ok).toBe(false);
  });

  test('a plan belongs to its 1:1, or to the first live one after it when that one is cancelled', () => {
    const occurrences = [
      occurrence('2026-03-03'),
      occurrence('2026-03-10', 'cancelled'),
      occurrence('2026-03-17'),
      occurrence('2026-03-24'),
    ];
    const [third, tenth, seventeenth, twentyFourth] = occurrences as [
      Occurrence,
      Occurrence,
      Occurrence,
      Occurrence,
    ];
    const career = plan('2026-03-10', 'career');
    expect(conversationFor([career], occurrences, third)).toBeUndefined();
    expect(conversationFor([career], occurrences, tenth)).toBeUndefined();
    expect(conversationFor([career], occurrences, seventeenth)).toEqual(career);
    expect(conversationFor([career], occurrences, twentyFourth)).toBeUndefined();
    // Planned for the 17th too: the later plan is the one held there
    const promotion = plan('2026-03-17', 'promotion');
    expect(conversationFor([promotion, career], occurrences, seventeenth)).toEqual(promotion);
    expect(conversationFor([career, promotion], occurrences, seventeenth)).toEqual(promotion);
  });

  test('the promotion frame is on the manager’s agenda only; the career steps on both', () => {
    const promotion = { kind: 'promotion' as const, plannedBy: 'Ana Silva', role: 'Senior engineer' };
    const manager = visibleText(renderCard('agenda', { ...agendaSamples.manager, conversation: promotion }));
    const report = visibleText(renderCard('agenda', { ...agendaSamples.report, conversation: promotion }));
    expect(manager).toContain('“The Senior engineer role expects X, Y, Z.');
    expect(report).not.toContain('role expects X, Y, Z');
    expect(report).toContain(
      'What the role expects, where you already meet it, and what Ana Silva needs to see next.',
    );
    const career = { kind: 'career' as const, plannedBy: 'Ana Silva' };
    for (const view of [agendaSamples.manager, agendaSamples.report])
      expect(visibleText(renderCard('agenda', { ...view, conversation: career }))).toContain(
        'Assess current state: Where are you strongest? · What gaps do you see?',
      );
    // A cancelled 1:1 shows no conversation
    expect(
      visibleText(
        renderCard('agenda', { ...agendaSamples.report, conversation: career, state: 'cancelled' }),
      ),
    ).not.toContain('Career conversation');
  });
});
