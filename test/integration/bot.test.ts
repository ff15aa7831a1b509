import { afterEach, describe, expect, it } from 'vitest';
import { docId, pairIdOf, userIdOf, type Topic } from '../../shared/domain/index.js';
import { pairOccurrences } from '../../shared/services/one-on-one/occurrences.js';
import { userByEmail } from '../../shared/services/people.js';
import { deliverAgenda } from '../support/deliver-agenda.js';
import { requestIdOf } from '../../teams-app/bot/request-id.js';
import { visibleText } from '../../teams-app/cards/visible-text.js';
import { ANA, DEV, MARIA, botHarness } from '../support/bot-harness.js';
import { nodes } from '../support/card-nodes.js';
import { storeSnapshot } from '../support/store-snapshot.js';

type Harness = Awaited<ReturnType<typeof botHarness>>;
let h: Harness;
afterEach(async () => h.stop());

const PAIR = pairIdOf(MARIA, DEV);
const lastText = (email: string) => {
  const sent = h.teams.activities(email).filter((a) => a.op === 'send');
  const last = sent[sent.length - 1];
  return (
    last?.text ?? (last?.attachments ? visibleText((last.attachments[0] as { content: never }).content) : '')
  );
};
const topics = async (pairId = PAIR): Promise<Topic[]> =>
  (await h.store.pairs.list(pairId, { type: 'topic' })).items.map((i) => i.doc);
const cardText = (body: unknown) => visibleText((body as { value: never }).value);

async function started(reports?: string[]) {
  h = await botHarness(reports ? { reports } : {});
  await h.install(MARIA, DEV, ...(reports?.includes(ANA) ? [ANA] : []));
}

/** Sends both people their agenda of the next occurrence, as the scheduler will. */
async function deliverAgendas() {
  const [next] = await pairOccurrences(h.store, PAIR);
  const pair = (await h.store.pairs.get(PAIR, 'pair'))?.doc;
  if (next === undefined || pair?.type !== 'pair') throw new Error('no 1:1 found');
  for (const email of [MARIA, DEV]) {
    const user = await userByEmail(h.store, email);
    if (user) expect(await deliverAgenda(h.bot.deps, pair, next, user)).toBe('SENT');
  }
  return next;
}

describe('installing', () => {
  it('stores the conversation reference and email, welcomes, and finds the 1:1 on the calendar', async () => {
    await started();
    const dev = await userByEmail(h.store, DEV);
    expect(dev).toMatchObject({ email: DEV, name: 'Dev Patel', timeZone: 'Europe/Berlin', reachable: true });
    expect(dev?.conversation?.serviceUrl).toBe(h.teams.url);
    expect(lastText(DEV)).toMatch(/Steady/);
    expect(await h.store.pairs.get(PAIR, 'pair')).toBeDefined();
  });

  it('marks a person unreachable when they uninstall', async () => {
    await started();
    await h.teams.uninstall(DEV);
    expect((await userByEmail(h.store, DEV))?.reachable).toBe(false);
  });
});

describe('chat commands', () => {
  it('answers help and anything unknown with the help card', async () => {
    await started();
    await h.teams.say(DEV, 'help');
    expect(lastText(DEV)).toMatch(/add <topic>/);
    await h.teams.say(DEV, 'what can you do?');
    expect(lastText(DEV)).toMatch(/add <topic>/);
  });

  it('adds a topic to the next 1:1, once even when Teams delivers the message twice', async () => {
    await started();
    await h.teams.say(DEV, 'add Career path for next quarter');
    expect(lastText(DEV)).toMatch(
      /^Added to the agenda of your 1:1 with Maria Lopez on 2026-03-03: Career path for next quarter/,
    );
    const dev = await userByEmail(h.store, DEV);
    const again = {
      type: 'message',
      id: 'teams-message-42',
      text: 'add Delivered twice',
      serviceUrl: h.teams.url,
      channelId: 'msteams',
      from: { id: '29:1dev', aadObjectId: dev?.aadObjectId, name: 'Dev Patel' },
      conversation: {
        id: dev?.conversation?.conversationId,
        tenantId: 'tenant-contoso',
        conversationType: 'personal',
      },
      channelData: { tenant: { id: 'tenant-contoso' } },
      recipient: { id: '28:steady', name: 'Steady' },
    };
    expect((await h.teams.sendRaw(again)).status).toBe(200);
    expect((await h.teams.sendRaw(again)).status).toBe(200);
    expect((await topics()).map((t) => [t.text, t.authorEmail]).sort()).toEqual([
      ['Career path for next quarter', DEV],
      ['Delivered twice', DEV],
    ]);
  });

  it('keys what a message adds by its conversation and activity, and never says "Added" for what it did not store', async () => {
    await started();
    const message = async (email: string, id: string, text: string) => {
      const user = (await userByEmail(h.store, email))!;
      const activity = {
        type: 'message',
        id,
        text,
        serviceUrl: h.teams.url,
        channelId: 'msteams',
        from: { id: `29:1${email}`, aadObjectId: user.aadObjectId, name: user.name },
        conversation: {
          id: user.conversation?.conversationId,
          tenantId: 'tenant-contoso',
          conversationType: 'personal',
        },
        channelData: { tenant: { id: 'tenant-contoso' } },
        recipient: { id: '28:steady', name: 'Steady' },
      };
      expect((await h.teams.sendRaw(activity)).status).toBe(200);
      return user;
    };
    // activity ids are unique per conversation only: Dev's and Maria's chats may reuse one
    await message(DEV, '1:7', 'add From Dev');
    await message(MARIA, '1:7', 'add From Maria');
    expect((await topics()).map((t) => t.text).sort()).toEqual(['From Dev', 'From Maria']);

    // a key taken by a document this message did not write: nothing stored, and the reply says so
    const dev = (await userByEmail(h.store, DEV))!;
    const key = requestIdOf(h.bot.deps.ids, {
      id: '1:8',
      conversation: { id: dev.conversation!.conversationId },
    });
    const [taken] = await topics();
    await h.store.pairs.create({ ...taken!, id: docId('topic', key), text: 'Something else' });
    const before = await storeSnapshot(h.store, [DEV, MARIA]);
    await message(DEV, '1:8', 'add Lost topic');
    expect(lastText(DEV)).toBe(
      'I could not save that just now, and nothing was saved. Please send it again.',
    );
    expect(await storeSnapshot(h.store, [DEV, MARIA])).toEqual(before);
  });

  it('shows the agenda with the topic as typed, markup and template syntax included', async () => {
    await started();
    await h.teams.say(DEV, 'TOPIC ${manager} <b>x</b> [link](http://x)');
    await h.teams.say(MARIA, 'agenda');
    const text = lastText(MARIA);
    expect(text).toContain('${manager} <b>x</b> [link](http://x)');
    expect(text).toMatch(/Dev Patel/);
  });

  it('shows a large agenda truncated, saying how many more, under 80 KB', async () => {
    await started();
    for (let n = 1; n <= 20; n++) await h.teams.say(DEV, `add Topic number ${n} ${'x'.repeat(400)}`);
    for (let n = 1; n <= 10; n++) await h.teams.say(MARIA, `action Follow up ${n}`);
    await h.teams.say(MARIA, 'agenda');
    const text = lastText(MARIA);
    expect(text).toMatch(/6 more topics/);
    expect(text).toMatch(/2 more action items/);
    const card = h.teams.latestCard(MARIA)?.card;
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(80 * 1024);
  });

  it('takes notes, private notes and action items with owner and due date', async () => {
    await started();
    await h.teams.say(MARIA, 'note Agreed to split the project');
    await h.teams.say(MARIA, 'private Dev seemed tired');
    await h.teams.say(MARIA, 'action @dev Send the design doc by 2026-03-20');
    expect(lastText(MARIA)).toBe(
      'Action item on your 1:1 with Dev Patel on 2026-03-03, for Dev Patel by 2026-03-20: Send the design doc',
    );
    const docs = (await h.store.pairs.list(PAIR, { limit: 1000 })).items.map((i) => i.doc);
    expect(
      docs.filter((d) => d.type === 'note').map((d) => [d.text, d.type === 'note' && d.visibility]),
    ).toEqual(
      expect.arrayContaining([
        ['Agreed to split the project', 'shared'],
        ['Dev seemed tired', 'private'],
      ]),
    );
    expect(docs.find((d) => d.type === 'actionItem')).toMatchObject({
      ownerEmail: DEV,
      createdBy: MARIA,
      due: '2026-03-20',
    });
    await h.teams.say(DEV, 'done 1');
    expect(lastText(DEV)).toBe('Done, on your 1:1 with Maria Lopez: Send the design doc');
    await h.teams.say(DEV, 'done 1');
    expect(lastText(DEV)).toMatch(/no open action item number 1/);
  });

  it('pauses and resumes a 1:1', async () => {
    await started();
    await h.teams.say(MARIA, 'pause');
    expect((await h.store.pairs.get(PAIR, 'pair'))?.doc).toMatchObject({ tracking: 'paused' });
    await h.teams.say(MARIA, 'resume');
    expect((await h.store.pairs.get(PAIR, 'pair'))?.doc).toMatchObject({ tracking: 'active' });
  });

  it.each([
    ['add', /needs some text/],
    ['note \u0007', /control characters/],
    [`add ${'x'.repeat(600)}`, /at most 500 characters/],
    ['done seven', /needs the number/],
    ['action Ship it by Friday', /date like 2026-03-20/],
    ['action @ana Ship it', /not one of the two people/],
  ])('refuses "%s" with a clear reply and stores nothing', async (text, reply) => {
    await started();
    const before = (await h.store.pairs.list(PAIR, { limit: 1000 })).items.length;
    await h.teams.say(MARIA, text.replace('${x}', ''));
    expect(lastText(MARIA)).toMatch(reply);
    expect((await h.store.pairs.list(PAIR, { limit: 1000 })).items).toHaveLength(before);
  });

  it('asks which 1:1 when there are several, and adds to the one chosen', async () => {
    await started([DEV, ANA]);
    await h.teams.say(MARIA, 'add Quarterly goals');
    expect(lastText(MARIA)).toMatch(
      /1:1 with Ana Silva[\s\S]*1:1 with Dev Patel|1:1 with Dev Patel[\s\S]*1:1 with Ana Silva/,
    );
    expect(await topics()).toEqual([]);
    const reply = await h.teams.invoke(MARIA, {
      verb: 'choosePair',
      data: { pairId: PAIR, command: 'add Quarterly goals' },
    });
    expect(reply.status).toBe(200);
    expect((await topics()).map((t) => t.text)).toEqual(['Quarterly goals']);
    expect(await topics(pairIdOf(MARIA, ANA))).toEqual([]);
  });
});

describe('text that reorders or hides itself', () => {
  it('is refused, with the reason, from chat and from a card, and nothing is stored', async () => {
    await started();
    await deliverAgendas();
    const before = await storeSnapshot(h.store, [DEV, MARIA]);
    const reason = 'must not contain invisible characters that reorder or hide text';
    for (const text of ['add Pay Ana \u202e001$\u202c', 'note A\u2066B\u2069', 'private zero\u200bwidth']) {
      await h.teams.say(DEV, text);
      expect(lastText(DEV)).toContain(reason);
    }
    const [next] = await pairOccurrences(h.store, PAIR);
    const pressed = await h.teams.invoke(DEV, {
      verb: 'addTopic',
      data: { pairId: PAIR, occurrenceId: next!.id, topic: 'Raise \u2067for\u2069 Ana' },
    });
    expect((pressed.body as { value?: unknown }).value).toContain(reason);
    expect(await storeSnapshot(h.store, [DEV, MARIA])).toEqual(before);
    // the joiners emoji need are fine
    await h.teams.say(DEV, 'add Team 👩\u200d💻 offsite');
    expect(lastText(DEV)).toMatch(/^Added to the agenda/);
  });
});

describe('a name from Teams with characters that reorder text', () => {
  it('is stored and shown without them', async () => {
    h = await botHarness({ names: { [DEV]: 'Dev \u202eletaP\u202c\u200b' } });
    await h.install(MARIA, DEV);
    expect((await userByEmail(h.store, DEV))?.name).toBe('Dev letaP');
    await h.teams.say(MARIA, 'agenda');
    expect(lastText(MARIA)).toContain('1:1 with Dev letaP');
  });
});

describe('which 1:1? with long or noisy messages', () => {
  it('a note of 4,000 characters to a manager of several: the card carries it once, and the whole note lands', async () => {
    await started([DEV, ANA]);
    const note = '😀'.repeat(3990);
    await h.teams.say(MARIA, `note ${note}`);
    const card = h.teams.latestCard(MARIA)?.card as Record<string, unknown>;
    // the command rides once, in a hidden input; each 1:1's button sends it with its pair
    const carried = JSON.stringify(card).match(/"id":"command","value":"([^"]*)","isVisible":false/);
    expect(carried?.[1]).toBe(`note ${note}`);
    const reply = await h.teams.invoke(MARIA, {
      verb: 'choosePair',
      data: { pairId: PAIR, command: carried?.[1] ?? '' },
    });
    expect(reply.status).toBe(200);
    const notes = (await h.store.pairs.list(PAIR, { type: 'note' })).items.map((i) => i.doc);
    expect(notes.map((n) => n.type === 'note' && n.text)).toEqual([note]);
  });

  it('a pick stores the command as typed: only the line that shows it is escaped', async () => {
    await started([DEV, ANA]);
    const typed = 'note see {{DATE(2026-03-03T09:00:00Z, SHORT)}} plan';
    await h.teams.say(MARIA, typed);
    const card = h.teams.latestCard(MARIA)?.card;
    expect(visibleText(card)).toContain('This is for: note see {\u200b{DATE(');
    // the button of Maria's 1:1 with Dev, as Teams sends it when pressed
    const button = nodes(card).find(
      (node) => node.verb === 'choosePair' && (node.data as { pairId?: string }).pairId === PAIR,
    );
    const data = button?.data as Record<string, unknown>;
    await h.teams.invoke(MARIA, { verb: 'choosePair', data });
    const notes = (await h.store.pairs.list(PAIR, { type: 'note' })).items.map((i) => i.doc);
    expect(notes.map((n) => n.type === 'note' && n.text)).toEqual([typed.slice('note '.length)]);
  });

  it('a command that takes no text is asked about, and replayed, as its words alone', async () => {
    await started([DEV, ANA]);
    await h.teams.say(MARIA, `rESumE: @x ${'\u0000'.repeat(5000)} by 2026-3-2`);
    expect(lastText(MARIA)).toContain('This is for: resume');
    const data = JSON.stringify(h.teams.latestCard(MARIA)?.card).match(/"command":"([^"]*)"/g) ?? [];
    expect(new Set(data)).toEqual(new Set(['"command":"resume"']));
  });
});

describe('card actions', () => {
  it('updates both agenda cards in place when a topic is added or covered', async () => {
    await started();
    await deliverAgendas();
    const mariaCard = h.teams.latestCard(MARIA);
    await h.teams.say(DEV, 'add Promotion timeline');
    const updated = h.teams.activities(MARIA).filter((a) => a.op === 'update');
    expect(updated.map((a) => a.id)).toEqual([mariaCard?.activityId]);
    expect(visibleText(h.teams.latestCard(MARIA)?.card as never)).toContain('Promotion timeline');

    const [topic] = await topics();
    const reply = await h.teams.invoke(MARIA, {
      verb: 'markCovered',
      data: { pairId: PAIR, topicId: topic?.id ?? '' },
    });
    expect(reply.status).toBe(200);
    expect(cardText(reply.body)).toContain('Promotion timeline');
    expect((await topics())[0]?.done).toBe(true);
    expect(h.teams.activities(DEV).filter((a) => a.op === 'update').length).toBeGreaterThanOrEqual(1);
  });

  it('adds a topic from the card input', async () => {
    await started();
    const next = await deliverAgendas();
    const reply = await h.teams.invoke(DEV, {
      verb: 'addTopic',
      data: { pairId: PAIR, occurrenceId: next.id, topic: 'From the card' },
    });
    expect(cardText(reply.body)).toContain('From the card');
    expect((await topics()).map((t) => t.text)).toEqual(['From the card']);
  });

  it('refuses a button pressed by someone outside the pair, and changes nothing', async () => {
    await started();
    await h.teams.install(ANA);
    await h.teams.say(DEV, 'add Private worry');
    const [topic] = await topics();
    const reply = await h.teams.invoke(ANA, {
      verb: 'markCovered',
      data: { pairId: PAIR, topicId: topic?.id ?? '' },
    });
    expect(JSON.stringify(reply.body)).toMatch(/not one of yours/);
    expect((await topics())[0]?.done).toBe(false);
    const added = await h.teams.invoke(ANA, {
      verb: 'addTopic',
      data: { pairId: PAIR, occurrenceId: 'x', topic: 'sneaky' },
    });
    expect(JSON.stringify(added.body)).toMatch(/not one of yours/);
    expect(await topics()).toHaveLength(1);
  });

  it('refuses a malformed button payload', async () => {
    await started();
    const reply = await h.teams.invoke(DEV, { verb: 'deleteEverything', data: { pairId: PAIR } });
    expect(JSON.stringify(reply.body)).toMatch(/cannot use/);
  });

  it("stores the report's deep-dive answers, private unless shared, and refuses the manager", async () => {
    await started();
    const next = await deliverAgendas();
    const data = {
      pairId: PAIR,
      occurrenceId: next.id,
      happiness: '7',
      makeItTen: 'More focus time',
      share: 'false',
    };
    expect(JSON.stringify((await h.teams.invoke(MARIA, { verb: 'submitDeepDive', data })).body)).toMatch(
      /Only the report/,
    );
    expect(JSON.stringify((await h.teams.invoke(DEV, { verb: 'submitDeepDive', data })).body)).toMatch(
      /kept private/,
    );
    const answers = (await h.store.pairs.list(PAIR, { type: 'deepDiveAnswer' })).items.map((i) => i.doc);
    expect(answers).toMatchObject([
      { happiness: 7, makeItTen: 'More focus time', shared: false, reportEmail: DEV },
    ]);
  });

  it('refuses a whole deep-dive submit when one answer is refused, and stores nothing of it', async () => {
    await started();
    const next = await deliverAgendas();
    const submit = (fields: Record<string, unknown>) =>
      h.teams.invoke(DEV, {
        verb: 'submitDeepDive',
        data: { pairId: PAIR, occurrenceId: next.id, happiness: '4', share: 'true', ...fields },
      });
    const before = await storeSnapshot(h.store, [DEV, MARIA]);
    const refused = await submit({
      makeItTen: 'I am thinking of leaving\u2028because…',
      learning: 'ok\u0007',
      career: 'Staff engineer',
    });
    expect((refused.body as { value?: unknown }).value).toBe(
      'I could not save your answers: "What would make it a 10?" must not contain control characters. Nothing was saved.',
    );
    expect(await storeSnapshot(h.store, [DEV, MARIA])).toEqual(before);
    const onlyLearning = await submit({ learning: 'ok\u0007', career: 'Staff engineer' });
    expect(JSON.stringify(onlyLearning.body)).toMatch(/What did you learn this month\?.*Nothing was saved/);
    expect(await storeSnapshot(h.store, [DEV, MARIA])).toEqual(before);
  });
});

describe('what the bot refuses before anything runs', () => {
  const forged = (overrides: Record<string, unknown>) => ({
    type: 'message',
    id: 'forged-1',
    text: 'add forged topic',
    from: { id: '29:1dev', aadObjectId: 'aad-dev', name: 'Dev' },
    conversation: { id: 'a:1x', tenantId: 'tenant-contoso' },
    channelData: { tenant: { id: 'tenant-contoso' } },
    recipient: { id: '28:steady' },
    channelId: 'msteams',
    ...overrides,
  });

  it('refuses an activity from a tenant outside the allow-list', async () => {
    await started();
    const reply = await h.teams.sendRaw(
      forged({ serviceUrl: h.teams.url, channelData: { tenant: { id: 'tenant-fabrikam' } } }),
    );
    expect(reply.status).toBe(403);
    expect(await topics()).toEqual([]);
  });

  it('refuses a forged serviceUrl and calls nothing there', async () => {
    await started();
    const requestsBefore = h.teams.requests.length;
    const reply = await h.teams.sendRaw(forged({ serviceUrl: 'https://attacker.example.com/' }));
    expect(reply.status).toBe(403);
    expect(h.teams.requests.length).toBe(requestsBefore);
    expect(await userByEmail(h.store, DEV)).toBeDefined(); // unchanged, still the real conversation
  });

  it('answers 401 to a request without a valid Bot Framework token when not in local mode', async () => {
    h = await botHarness({ secure: true });
    const withoutToken = await fetch(h.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(forged({ serviceUrl: 'https://smba.trafficmanager.net/emea/' })),
    });
    expect(withoutToken.status).toBe(401);
    expect(
      await h.store.users.get(userIdOf('tenant-contoso', 'aad-dev'), userIdOf('tenant-contoso', 'aad-dev')),
    ).toBeUndefined();
  });
});
