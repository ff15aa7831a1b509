// A child process for the durability test: writes topics to a SQLite file store one at a time and
// prints `ack <id>` once each write's promise has resolved, until it is killed.
import { openSqliteStore } from '../../shared/adapters/sqlite/sqlite-store.js';
import { topic } from '../fixtures/docs.js';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: sqlite-writer <file>');
const store = openSqliteStore(file);
for (let n = 0; ; n++) {
  const doc = topic(1, n, { text: `written ${n}` });
  const stored = await store.pairs.upsert(doc);
  process.stdout.write(`ack ${stored.doc.id}\n`);
}
