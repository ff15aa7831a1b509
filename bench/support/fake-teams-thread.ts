// The fake Teams on a thread of its own, so that its work (HTTP, JSON, the chat log) does not take the
// CPU of the process under measurement: in Azure, Teams is elsewhere. See `startFakeTeamsThread`.
import { parentPort, workerData } from 'node:worker_threads';
import { startFakeTeams, type FakeTeamsOptions } from '../../sandbox/fake-teams/index.js';

const port = parentPort;
if (port === null) throw new Error('fake-teams-thread.ts runs as a worker thread');
const teams = await startFakeTeams(workerData as FakeTeamsOptions);
port.postMessage({ type: 'ready', url: teams.url, conversations: teams.conversations() });
port.on('message', (message: { type: 'summary' | 'stop' }) => {
  void (async () => {
    if (message.type === 'summary') {
      await teams.flush();
      const cards: Record<string, number> = {};
      for (const a of teams.activities()) {
        if (a.op === 'send' && a.attachments !== undefined)
          cards[a.conversationId] = (cards[a.conversationId] ?? 0) + 1;
      }
      port.postMessage({
        type: 'summary',
        cards,
        count429: teams.count429(),
        requests: teams.requests.length,
      });
    } else {
      await teams.stop();
      port.close();
    }
  })();
});
