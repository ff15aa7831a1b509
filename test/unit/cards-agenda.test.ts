import { describe, expect, test } from 'vitest';
import { agendaSamples } from '../support/card-samples.js';
import { nodes } from '../support/card-nodes.js';
import {
  AGENDA_LIMITS,
  cardData,
  FEEDBACK_CARD_CHARS,
  GROWTH_GOAL_CARD_CHARS,
  renderCard,
  topicRoom,
  visibleText,
  type ActionItemView,
  type AgendaData,
  type FeedbackView,
  type TopicView,
} from '../../teams-app/cards/index.js';

const lines = (data: AgendaData): string[] => visibleText(renderCard('agenda', data)).split('\n');
/** The index of the line equal to `line`; fails the test when it is missing. */
const at = (all: string[], line: string): number => {
  expect(all).toContain(line);
  return all.indexOf(line);
};

describe('Join and the buttons at narrow widths', () => {
  type Button = { title: string; type: string; mode?: string; url?: string };
  const actions = (data: AgendaData) => (renderCard('agenda', data).actions ?? []) as readonly Button[];

  test('Join opens the event’s call and is the one button in view; the rest are in the overflow menu', () => {
    const all = actions(agendaSamples.withCall);
    expect(all[0]).toEqual({
      type: 'Action.OpenUrl',
      title: 'Join',
      url: 'https://meet.google.com/abc-defg-hij',
    });
    expect(all.slice(1).map((a) => [a.title, a.mode])).toEqual([
      ['Give feedback', 'secondary'],
      ['Growth plan', 'secondary'],
      ['Plan a career talk', 'secondary'],
    ]);
  });

  test('each answer to the roles question is a row of its own, so none is cut at narrow widths', () => {
    for (const sample of [agendaSamples.rolesAsked, agendaSamples.rolesCheck]) {
      const rows = nodes(renderCard('agenda', sample)).filter(
        (node) =>
          node['type'] === 'ActionSet' &&
          nodes(node['actions']).some((action) => action['verb'] === 'confirmRoles'),
      );
      expect(rows.length).toBeGreaterThanOrEqual(2);
      for (const row of rows) expect(row['actions']).toHaveLength(1);
    }
  });

  test('without a call there is no Join, and Add topic stays beside its box', () => {
    expect(actions(agendaSamples.report).map((a) => a.title)).not.toContain('Join');
    const all = lines(agendaSamples.report);
    expect(at(all, 'Add topic')).toBe(at(all, 'e.g. Career path for next quarter') + 1);
  });

  test('the data refuses a call link that is not https, or on a 1:1 not going ahead', () => {
    const http = { ...agendaSamples.withCall, joinUrl: 'http://meet.google.com/abc-defg-hij' };
    expect(cardData.agenda.safeParse(http).success).toBe(false);
    const cancelled = { ...agendaSamples.withCall, state: 'cancelled' };
    expect(cardData.agenda.safeParse(cancelled).success).toBe(false);
    expect(cardData.agenda.safeParse(agendaSamples.withCall).success).toBe(true);
  });
});

describe('the agenda follows the weekly template', () => {
  test('report view: your items (15 min), growth (10), feedback (5), the manager’s items, actions, question', () => {
    const all = lines(agendaSamples.report);
    const order = [
      'Your items · 15 min',
      '1. Career path for next quarter',
      'Growth and development · 10 min',
      'Feedback · 5 min',
      "Ana Silva's items · if time",
      '4. On-call rotation changes in April',
      'Open action items · carried over',
      '1. Draft the design doc for the billing retry queue',
      'Suggested question',
      'What is the hardest part of your job right now?',
    ].map((line) => at(all, line));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(all.join('\n')).toContain('What do you want to learn next?');
    expect(all.join('\n')).toContain('the situation, the behavior, its impact, and a clear request');
  });

  test('manager view: the report’s items first under their name, then “Your items” if time', () => {
    const all = lines(agendaSamples.manager);
    expect(at(all, "Dev Patel's items · 15 min")).toBeLessThan(at(all, 'Your items · if time'));
    expect(all).not.toContain('Your items · 15 min');
    expect(all).toContain('Their agenda comes first.');
    expect(all).toContain('What do you need from me this week?');
  });

  test('numbers, carried over, covered, owners and due dates are shown', () => {
    const all = lines(agendaSamples.report);
    expect(at(all, '2. Feeling stuck on the billing migration') + 1).toBe(at(all, 'carried over'));
    expect(at(all, '3. Conference budget') + 1).toBe(at(all, 'covered'));
    expect(all).toContain('Dev Patel · due 20 Mar 2026');
    expect(all).toContain('2. Ask Sarah about the staff engineer expectations');
  });

  test('a covered topic is struck through and has no button', () => {
    const all = lines(agendaSamples.report);
    expect(all[at(all, '3. Conference budget') + 2]).not.toBe('Mark covered');
    expect(JSON.stringify(renderCard('agenda', agendaSamples.report))).toContain(
      '{"type":"TextRun","text":"Conference budget","strikethrough":true}',
    );
  });

  test('the deep-dive agenda carries the monthly questions; a weekly one does not', () => {
    const deep = lines(agendaSamples.deepDive);
    expect(at(deep, 'Monthly deep dive')).toBeGreaterThan(at(deep, 'Suggested question'));
    for (const question of agendaSamples.deepDive.deepDiveQuestions) expect(deep).toContain(`• ${question}`);
    expect(lines(agendaSamples.report)).not.toContain('Monthly deep dive');
  });

  test('the manager’s deep dive shows the shared scores by month, with the trend, and the shared answers', () => {
    const deep = lines(agendaSamples.deepDiveManager);
    expect(
      at(deep, 'Happiness, shared: Nov 2025 6 · Dec 2025 6 → · Jan 2026 7 ↑ · Feb 2026 5 ↓'),
    ).toBeGreaterThan(at(deep, 'Monthly deep dive'));
    expect(at(deep, 'Their shared answers · Feb 2026')).toBeLessThan(at(deep, 'Add a topic'));
    expect(deep).toContain(
      'What would make it a 10? Fewer meetings on Wednesdays, and a clear owner for the billing migration.',
    );
    expect(deep).toContain('Career: I want to lead a small project end to end next quarter.');
    expect(deep.join('\n')).not.toContain('Learning:');
  });

  test('the shared scores and answers show on no other card: not the report’s, not a weekly or cancelled one', () => {
    const { happinessTrend, sharedAnswers } = agendaSamples.deepDiveManager;
    const shared = { happinessTrend, sharedAnswers };
    for (const data of [
      { ...agendaSamples.deepDive, ...shared },
      { ...agendaSamples.manager, ...shared },
      { ...agendaSamples.deepDiveManager, state: 'cancelled' as const },
    ]) {
      const text = lines(data).join('\n');
      expect(text).not.toContain('Happiness, shared');
      expect(text).not.toContain('Their shared answers');
      expect(text).not.toContain('Fewer meetings on Wednesdays');
    }
    expect(lines({ ...agendaSamples.deepDiveManager, happinessTrend: [] }).join('\n')).not.toContain(
      'Happiness, shared',
    );
  });

  test('the manager’s agenda shows one coaching tip after the suggested question; the report’s shows none', () => {
    const all = lines(agendaSamples.manager);
    const tip = agendaSamples.manager.coachingTip!;
    expect(all.filter((line) => line.startsWith('Coaching tip'))).toEqual([
      'Coaching tip · only you see this',
    ]);
    expect(at(all, 'Coaching tip · only you see this')).toBeGreaterThan(
      at(all, 'What do you need from me this week?'),
    );
    expect(at(all, tip)).toBe(at(all, 'Coaching tip · only you see this') + 1);
    expect(at(all, tip)).toBeLessThan(at(all, 'Add a topic'));
    const deep = lines(agendaSamples.deepDiveManager);
    expect(at(deep, tip)).toBeLessThan(at(deep, 'Monthly deep dive'));
    for (const data of [
      agendaSamples.report,
      agendaSamples.deepDive,
      { ...agendaSamples.manager, coachingTip: undefined },
    ])
      expect(JSON.stringify(renderCard('agenda', data))).not.toContain('Coaching tip');
  });

  test('a cancelled agenda shows no coaching tip', () => {
    const card = JSON.stringify(renderCard('agenda', { ...agendaSamples.manager, state: 'cancelled' }));
    expect(card).not.toContain('Coaching tip');
    expect(card).not.toContain(agendaSamples.manager.coachingTip!);
  });

  test('the Feedback section shows shared feedback and the viewer’s own draft, S/B/I/R one line each', () => {
    const all = lines(agendaSamples.feedback);
    const heading = at(all, 'Feedback · 5 min');
    expect(all.slice(heading + 2, heading + 9)).toEqual([
      'From Ana Silva',
      'Situation: During the last release review',
      'Behavior: You summarized the QA concerns before we decided',
      'Impact: The team felt heard, and we caught the rollback gap',
      'Request: Keep doing it in every release review',
      'From Dev Patel · draft, only you see this',
      'Behavior: Our 1:1s were moved three times this month',
    ]);
    expect(at(all, 'Request: Keep the slot, or tell me a day before')).toBeLessThan(
      at(all, "Ana Silva's items · if time"),
    );
    expect(lines(agendaSamples.report).join('\n')).not.toContain('From Ana Silva');
    const cancelled = lines({ ...agendaSamples.feedback, state: 'cancelled' }).join('\n');
    expect(cancelled).not.toContain('Behavior:');
  });

  test('an empty agenda says so and shows no action items section', () => {
    const all = lines(agendaSamples.empty);
    expect(all.filter((line) => line === 'No topics yet.')).toHaveLength(2);
    expect(all).not.toContain('Open action items · carried over');
    expect(all).toContain('Add topic');
  });

  test('a cancelled agenda says so at the top and keeps only what carries over', () => {
    const all = lines(agendaSamples.cancelled);
    expect(at(all, 'Cancelled')).toBeLessThan(at(all, 'Your items · 15 min'));
    expect(all).toContain('This 1:1 was cancelled. Open topics and action items move to the next one.');
    for (const gone of ['Growth and development · 10 min', 'Suggested question', 'Add topic', 'Mark covered'])
      expect(all).not.toContain(gone);
  });

  test('a moved agenda shows the new time and says it moved', () => {
    const all = lines(agendaSamples.moved);
    expect(all).toContain('Wed 4 Mar 2026, 14:00–14:30 (Europe/Berlin)');
    expect(all).toContain('Moved: the time above is the new time.');
    expect(lines(agendaSamples.report)).not.toContain('Moved: the time above is the new time.');
  });

  test('what does not fit is counted', () => {
    const all = lines(agendaSamples.truncated);
    expect(all).toContain('…and 12 more topics not shown here.');
    expect(all).toContain('…and 1 more action item not shown here.');
    expect(lines(agendaSamples.report).join('\n')).not.toContain('more topic');
  });
});

describe('size', () => {
  const uuid = '0f8fad5b-d9cb-469f-a165-70867728950e';
  /** Every text and name at its longest, written in `char`; ids as the app makes them. */
  const maxAgenda = (char: string): AgendaData => {
    const name = char.repeat(200);
    const topic = (index: number): TopicView => ({
      id: `topic-${uuid}-${index}`,
      number: index + 1,
      text: char.repeat(500),
      authorName: name,
      carriedOver: true,
      covered: false,
    });
    const action = (index: number): ActionItemView => ({
      id: `action-${uuid}-${index}`,
      number: index + 1,
      text: char.repeat(500),
      ownerName: name,
      due: char.repeat(40),
      done: false,
    });
    const feedback = (index: number): FeedbackView => ({
      id: `feedback:${uuid}-${index}`,
      authorName: name,
      draft: index > 0,
      situation: char.repeat(FEEDBACK_CARD_CHARS),
      behavior: char.repeat(FEEDBACK_CARD_CHARS),
      impact: char.repeat(FEEDBACK_CARD_CHARS),
      request: char.repeat(FEEDBACK_CARD_CHARS),
    });
    const half = Math.ceil(AGENDA_LIMITS.topics / 2);
    return {
      ...agendaSamples.deepDive,
      pairId: 'ana.silva@example.com|dev.patel@example.com',
      occurrenceId: `occurrence:${uuid}:2026-03-03T08:00:00.000Z`,
      otherName: name,
      when: char.repeat(200),
      state: 'moved',
      // the longest call link taken (ASCII, as a URL is), and the notes line at large counts
      joinUrl: `https://meet.google.com/${'a'.repeat(1000 - 'https://meet.google.com/'.length)}`,
      notes: { shared: 99_999, private: 99_999 },
      reportTopics: Array.from({ length: half }, (_, index) => topic(index)),
      managerTopics: Array.from(
        { length: AGENDA_LIMITS.topics - AGENDA_LIMITS.feedback - 1 - half }, // the growth goal takes one
        (_, index) => topic(half + index),
      ),
      actionItems: Array.from({ length: AGENDA_LIMITS.actions }, (_, index) => action(index)),
      feedback: Array.from({ length: AGENDA_LIMITS.feedback }, (_, index) => feedback(index)),
      growth: {
        quarter: 'Q2 2026',
        goal: char.repeat(GROWTH_GOAL_CARD_CHARS),
        nextCheckpoint: char.repeat(40),
      },
      moreTopics: 200 - (AGENDA_LIMITS.topics - AGENDA_LIMITS.feedback - 1),
      moreActions: 100 - AGENDA_LIMITS.actions,
      moreFeedback: 50 - AGENDA_LIMITS.feedback,
    };
  };
  /**
   * The manager's deep dive: a year of scores and three answers at their longest, each in a topic's
   * room, a coaching tip at its longest, and a promotion conversation (in a topic's room too).
   */
  const maxManagerDeepDive = (char: string): AgendaData => {
    const full = maxAgenda(char);
    const answers = { makeItTen: char.repeat(500), learning: char.repeat(500), career: char.repeat(500) };
    const room = topicRoom({
      answers,
      feedback: AGENDA_LIMITS.feedback,
      growth: true,
      conversation: true,
      checkpoint: true,
    });
    const reportTopics = full.reportTopics.slice(0, Math.ceil(room / 2));
    return {
      ...full,
      viewerRole: 'manager',
      reportTopics,
      managerTopics: full.managerTopics.slice(0, room - reportTopics.length),
      conversation: { kind: 'promotion', plannedBy: char.repeat(200), role: char.repeat(100) },
      checkpoint: { label: char.repeat(40), note: char.repeat(500) },
      happinessTrend: Array.from({ length: 12 }, (_, index) => ({
        label: `Sep ${2026 + index}`,
        happiness: (index % 10) + 1,
      })),
      sharedAnswers: { label: 'Sep 2026', ...answers },
      coachingTip: char.repeat(300),
    };
  };
  const bytes = (data: AgendaData): number => Buffer.byteLength(JSON.stringify(renderCard('agenda', data)));

  test('a full agenda (200 topics, 100 action items, 50 feedback, a growth goal, truncated to the limits) stays well under 80 KB', () => {
    expect(lines(maxAgenda('a'))).toContain('…and 47 more feedback not shown here.');
    expect(bytes(maxAgenda('a'))).toBeLessThan(40_000);
    expect(bytes(maxManagerDeepDive('a'))).toBeLessThan(40_000);
  });

  test('even when every character takes 4 bytes, with Join and the inputs, it stays under 80 KB', () => {
    console.log(`largest agenda in 4-byte characters: ${bytes(maxManagerDeepDive('😀'))} bytes`);
    const worst = renderCard('agenda', maxManagerDeepDive('😀'));
    const ids = nodes(worst).flatMap((node) => (typeof node['id'] === 'string' ? [node['id']] : []));
    expect(ids).toEqual(expect.arrayContaining(['topic', 'note', 'private', 'action', 'owner', 'due']));
    expect(nodes(worst).some((node) => node['title'] === 'Join')).toBe(true);
    expect(bytes(maxAgenda('😀'))).toBeLessThan(80_000);
    expect(bytes(maxManagerDeepDive('😀'))).toBeLessThan(80_000);
    // a 1:1 whose roles nobody has confirmed: the question (and its buttons) instead of manager-only content
    const asking = (step: 'ask' | 'check'): AgendaData => {
      const full = maxAgenda('😀');
      return {
        ...full,
        managerTopics: full.managerTopics.slice(1), // the question takes one topic's room
        trustedRoles: false,
        roleQuestion: { step, text: '😀'.repeat(150), current: 'managesMe' },
      };
    };
    expect(bytes(asking('ask'))).toBeLessThan(80_000);
    expect(bytes(asking('check'))).toBeLessThan(80_000);
  });

  test('the card refuses more than the limits: the caller must truncate', () => {
    const full = maxAgenda('a');
    const extraTopic = { ...full.managerTopics[0]!, id: 'one-too-many' };
    expect(() =>
      renderCard('agenda', { ...full, managerTopics: [...full.managerTopics, extraTopic] }),
    ).toThrow(`at most ${AGENDA_LIMITS.topics} topics`);
    // the growth goal takes one topic's room: without a plan, that topic fits
    const { growth, ...noPlan } = full;
    expect(() =>
      renderCard('agenda', { ...noPlan, managerTopics: [...full.managerTopics, extraTopic] }),
    ).not.toThrow();
    expect(() =>
      renderCard('agenda', { ...full, growth: { ...growth!, goal: 'a'.repeat(GROWTH_GOAL_CARD_CHARS + 1) } }),
    ).toThrow('growth.goal');
    expect(() =>
      renderCard('agenda', { ...full, actionItems: [...full.actionItems, full.actionItems[0]!] }),
    ).toThrow('actionItems');
    const deep = maxManagerDeepDive('a');
    expect(() =>
      renderCard('agenda', { ...deep, managerTopics: [...deep.managerTopics, extraTopic] }),
    ).toThrow('one fewer per shared answer');
    expect(() =>
      renderCard('agenda', { ...deep, happinessTrend: [...deep.happinessTrend!, deep.happinessTrend![0]!] }),
    ).toThrow('happinessTrend');
    expect(() =>
      renderCard('agenda', { ...deep, sharedAnswers: { ...deep.sharedAnswers!, career: 'a'.repeat(501) } }),
    ).toThrow('sharedAnswers.career');
    expect(() => renderCard('agenda', { ...deep, coachingTip: 'a'.repeat(301) })).toThrow('coachingTip');
    expect(() =>
      renderCard('agenda', {
        ...full,
        feedback: [...full.feedback!, { ...full.feedback![0]!, id: 'one-more' }],
      }),
    ).toThrow('feedback');
    const long = { ...full.feedback![0]!, behavior: 'a'.repeat(FEEDBACK_CARD_CHARS + 1) };
    expect(() => renderCard('agenda', { ...full, feedback: [long] })).toThrow('feedback.0.behavior');
  });
});
