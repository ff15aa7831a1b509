import { describe, expect, test } from 'vitest';
import { agendaSamples, cardSamples, deepDiveSamples } from '../support/card-samples.js';
import { CardAction, renderCard, type AdaptiveCard } from '../../teams-app/cards/index.js';
import { nodes } from '../support/card-nodes.js';

/** What Teams sends for a button: its verb, and its data merged with the inputs (as strings). */
const press = (card: AdaptiveCard, verb: string, inputs: Record<string, string> = {}): unknown => {
  const button = nodes(card).find((node) => node.type === 'Action.Execute' && node.verb === verb);
  expect(button).toBeDefined();
  return { verb, data: { ...(button?.data as object), ...inputs } };
};

describe('every button of every card parses as a CardAction', () => {
  const agenda = renderCard('agenda', agendaSamples.report);

  test('addTopic carries the typed topic', () => {
    expect(CardAction.parse(press(agenda, 'addTopic', { topic: '  Career path  ' }))).toEqual({
      verb: 'addTopic',
      data: { pairId: 'pair-ana-dev', occurrenceId: 'occ-2026-03-03', topic: '  Career path  ' },
    });
    // a blank box is "not written" (the bot says so), not a broken press
    expect(CardAction.parse(press(agenda, 'addTopic', { topic: ' ' }))).toMatchObject({
      data: { topic: undefined },
    });
  });

  test('addNote and addAction carry every input of the card, as Teams sends them', () => {
    const inputs = { topic: '', note: 'Agreed', private: 'true', action: '', owner: 'me', due: '' };
    expect(CardAction.parse(press(agenda, 'addNote', inputs))).toEqual({
      verb: 'addNote',
      data: { pairId: 'pair-ana-dev', occurrenceId: 'occ-2026-03-03', note: 'Agreed', private: true },
    });
    const action = { ...inputs, note: '', action: 'Send it', owner: 'other', due: '2026-03-20' };
    expect(CardAction.parse(press(agenda, 'addAction', action))).toEqual({
      verb: 'addAction',
      data: {
        pairId: 'pair-ana-dev',
        occurrenceId: 'occ-2026-03-03',
        action: 'Send it',
        owner: 'other',
        due: '2026-03-20',
      },
    });
    expect(CardAction.safeParse(press(agenda, 'addAction', { ...action, owner: 'maria' })).success).toBe(
      false,
    );
  });

  test('markCovered and markDone name what was clicked', () => {
    expect(CardAction.parse(press(agenda, 'markCovered'))).toEqual({
      verb: 'markCovered',
      data: { pairId: 'pair-ana-dev', topicId: 'topic-1' },
    });
    expect(CardAction.parse(press(agenda, 'markDone'))).toEqual({
      verb: 'markDone',
      data: { pairId: 'pair-ana-dev', actionItemId: 'action-1' },
    });
  });

  test('submitDeepDive turns the inputs into a score, answers and a share flag', () => {
    const card = renderCard('deepDive', deepDiveSamples.withoutPlan);
    const inputs = {
      happiness: '7',
      makeItTen: 'Less context switching',
      learning: '',
      career: ' ',
      share: 'true',
    };
    expect(CardAction.parse(press(card, 'submitDeepDive', inputs))).toEqual({
      verb: 'submitDeepDive',
      data: {
        pairId: 'pair-ana-dev',
        occurrenceId: 'occ-2026-03-03',
        happiness: 7,
        makeItTen: 'Less context switching',
        share: true,
      },
    });
    expect(CardAction.parse(press(card, 'submitDeepDive', { happiness: '10' }))).toMatchObject({
      data: { happiness: 10, share: false },
    });
    for (const happiness of ['0', '11', 'ten', ''])
      expect(CardAction.safeParse(press(card, 'submitDeepDive', { happiness })).success).toBe(false);
  });

  test('submitDeepDive with a growth plan names the checkpoint and carries its note', () => {
    const card = renderCard('deepDive', cardSamples.deepDive);
    const sent = press(card, 'submitDeepDive', { happiness: '6', checkpoint: ' Draft reviewed ' });
    expect(CardAction.parse(sent)).toMatchObject({
      data: { quarter: '2026-Q1', index: 1, checkpoint: ' Draft reviewed ', share: false },
    });
    // An empty note is no note: the stored one stays.
    expect(
      CardAction.parse(press(card, 'submitDeepDive', { happiness: '6', checkpoint: '  ' })).data,
    ).toHaveProperty('checkpoint', undefined);
    // Teams may send the index as a string; anything but 0, 1 or 2 is refused.
    expect(
      CardAction.parse(press(card, 'submitDeepDive', { happiness: '6', index: '2' })).data,
    ).toMatchObject({
      index: 2,
    });
    for (const index of ['3', '-1', '1.5', 'one'])
      expect(CardAction.safeParse(press(card, 'submitDeepDive', { happiness: '6', index })).success).toBe(
        false,
      );
    expect(
      CardAction.safeParse(press(card, 'submitDeepDive', { happiness: '6', quarter: '2026-Q5' })).success,
    ).toBe(false);
  });

  test('choosePair carries the pair and the command to run again', () => {
    expect(CardAction.parse(press(renderCard('choosePair', cardSamples.choosePair), 'choosePair'))).toEqual({
      verb: 'choosePair',
      data: { pairId: 'pair-ana-dev', command: 'add Career path for next quarter' },
    });
  });

  test('an unknown verb is refused', () => {
    expect(CardAction.safeParse({ verb: 'deleteEverything', data: {} }).success).toBe(false);
  });
});
