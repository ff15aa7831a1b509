import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, expect, it } from 'vitest';
import { openSqliteStore } from '../../shared/adapters/sqlite/sqlite-store.js';
import { pairId } from '../fixtures/docs.js';

const folder = mkdtempSync(join(tmpdir(), 'steady-durability-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

it('keeps every acknowledged write when the writing process is killed with SIGKILL', async () => {
  const file = join(folder, 'data', 'steady.db');
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/integration/sqlite-writer.ts', file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const acked: string[] = [];
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_, signal) => resolve(signal)),
  );
  for await (const line of createInterface({ input: child.stdout })) {
    acked.push(line.replace(/^ack /, ''));
    if (acked.length === 300) child.kill('SIGKILL');
  }
  expect(await exited).toBe('SIGKILL');
  expect(acked.length).toBeGreaterThanOrEqual(300);

  const store = openSqliteStore(file);
  try {
    for (const id of acked) expect((await store.pairs.get(pairId(1), id))?.doc.id, id).toBe(id);
    console.log(
      `durability: ${acked.length} writes acknowledged before SIGKILL, ${acked.length} found after reopening`,
    );
  } finally {
    await store.close();
  }
});
