import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { FakeTeamsOptions, PersonalConversation } from '../../sandbox/fake-teams/index.js';

export interface FakeTeamsThread {
  readonly url: string;
  readonly conversations: readonly PersonalConversation[];
  /** Cards sent per conversation id, and the 429s answered, once every request is answered. */
  summary(): Promise<{ cards: Record<string, number>; count429: number; requests: number }>;
  stop(): Promise<void>;
}

/** Starts the fake Teams in a worker thread (fake-teams-thread.ts) and talks to it by messages. */
export async function startFakeTeamsThread(options: FakeTeamsOptions): Promise<FakeTeamsThread> {
  // A worker thread does not inherit tsx's loader: it registers it, then imports the TypeScript file.
  const tsx = import.meta.resolve('tsx/esm/api');
  const script = new URL('./fake-teams-thread.ts', import.meta.url).href;
  const worker = new Worker(
    `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(script)}); });`,
    { eval: true, workerData: options },
  );
  const next = async <T>(type: string): Promise<T> => {
    for (;;) {
      const [message] = (await once(worker, 'message')) as [{ type: string } & T];
      if (message.type === type) return message;
    }
  };
  const ready = await next<{ url: string; conversations: PersonalConversation[] }>('ready');
  return {
    url: ready.url,
    conversations: ready.conversations,
    async summary() {
      worker.postMessage({ type: 'summary' });
      return next('summary');
    },
    async stop() {
      worker.postMessage({ type: 'stop' });
      await once(worker, 'exit');
    },
  };
}
