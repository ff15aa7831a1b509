import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openCosmosStore } from '../shared/adapters/cosmos/cosmos-store.js';
import { ensureContainers } from '../shared/adapters/cosmos/ensure-containers.js';
import { openSqliteStore } from '../shared/adapters/sqlite/sqlite-store.js';
import type { Store } from '../shared/ports.js';
import { job, pairId, topic } from '../test/fixtures/docs.js';
import { startCosmosServer } from '../test/support/cosmos-server.js';
import { section } from './report.js';

/** Store throughput, one operation at a time, as the services use it. Prints one line per figure. */
export async function benchStore(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'steady-bench-'));
  try {
    await measure('sqlite file (WAL, synchronous=FULL)', openSqliteStore(join(folder, 'steady.db')), 2000);
    await measure('sqlite :memory:', openSqliteStore(':memory:'), 2000);
    const server = await startCosmosServer();
    const client = server.client();
    await ensureContainers(client, 'bench');
    await measure('cosmos (SDK against in-process cosmosdb-server)', openCosmosStore(client, 'bench'), 500);
    await server.stop();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function measure(name: string, store: Store, count: number): Promise<void> {
  const rate = async (what: string, n: number, op: (i: number) => Promise<unknown>, docsPerOp = 1) => {
    const start = performance.now();
    for (let i = 0; i < n; i++) await op(i);
    const ms = performance.now() - start;
    const perSecond = Math.round(((n * docsPerOp) / ms) * 1000).toLocaleString('en');
    console.log(
      `  ${what.padEnd(44)} ${perSecond.padStart(8)} docs/s  (${n * docsPerOp} docs, ${ms.toFixed(0)} ms)`,
    );
  };
  section(`store: ${name}`);
  await rate('create', count, (i) => store.pairs.create(topic(i % 10, i)));
  await rate('point read', count, (i) => store.pairs.get(pairId(i % 10), topic(i % 10, i).id));
  const etags = new Map<number, string>();
  await rate('conditional replace (etag)', count, async (i) => {
    const current = etags.get(i) ?? (await store.pairs.get(pairId(i % 10), topic(i % 10, i).id))?.etag ?? '';
    const result = await store.pairs.replace(topic(i % 10, i, { done: true }), current);
    if (result.ok) etags.set(i, result.value.etag);
  });
  for (let i = 0; i < count; i++) await store.jobs.upsert(job('2026-03-02T08:30:00.000Z', i));
  await rate(
    `list a bucket of ${count} jobs, pages of 100`,
    1,
    async () => {
      let continuation: string | undefined;
      do {
        const page = await store.jobs.list('2026-03-02T08', {
          limit: 100,
          ...(continuation ? { continuation } : {}),
        });
        continuation = page.continuation;
      } while (continuation !== undefined);
    },
    count,
  );
  await store.close();
}
