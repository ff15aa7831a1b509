import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  CONTAINERS,
  err,
  ok,
  partitionKeyOf,
  type ContainerDoc,
  type ContainerName,
} from '../../domain/index.js';
import type { Collection, ListOptions, Page, Scannable, Store, Stored } from '../../ports.js';
import { decodeContinuation, encodeContinuation, pageSize } from '../continuation.js';

/**
 * The Store on SQLite: the embedded default of the local run (a file) and the test store
 * (`:memory:`). One table holds every container; (container, partition, id) is the key, as in
 * Cosmos DB. WAL with `synchronous=FULL`: a write is on disk when its promise resolves.
 */
export function openSqliteStore(file: string): Store {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec(`
    CREATE TABLE IF NOT EXISTS docs (
      container TEXT NOT NULL, pk TEXT NOT NULL, id TEXT NOT NULL,
      type TEXT NOT NULL, etag TEXT NOT NULL, body TEXT NOT NULL,
      PRIMARY KEY (container, pk, id)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS docs_by_type ON docs (container, pk, type, id);
  `);
  return {
    pairs: collection(db, 'pairs'),
    users: collection(db, 'users'),
    calendars: collection(db, 'calendars'),
    jobs: collection(db, 'jobs'),
    close: async () => {
      db.close();
    },
  };
}

interface Row {
  readonly etag: string;
  readonly body: string;
  readonly id: string;
}

function collection<C extends ContainerName>(
  db: Database.Database,
  name: C,
): Collection<ContainerDoc<C>> & Scannable<ContainerDoc<C>> {
  type T = ContainerDoc<C>;
  const schema = CONTAINERS[name].schema;
  const parse = (doc: unknown) => schema.parse(doc) as T;
  const stored = (row: Row): Stored<T> => ({ doc: parse(JSON.parse(row.body)), etag: row.etag });

  const select = db.prepare<[string, string, string], Row>(
    'SELECT etag, body, id FROM docs WHERE container = ? AND pk = ? AND id = ?',
  );
  const insert = db.prepare(
    'INSERT INTO docs (container, pk, id, type, etag, body) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const update = db.prepare(
    'UPDATE docs SET type = ?, etag = ?, body = ? WHERE container = ? AND pk = ? AND id = ? AND etag = ?',
  );
  const upsert = db.prepare(
    `INSERT INTO docs (container, pk, id, type, etag, body) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (container, pk, id) DO UPDATE SET type = excluded.type, etag = excluded.etag, body = excluded.body`,
  );
  const remove = db.prepare(
    'DELETE FROM docs WHERE container = ? AND pk = ? AND id = ? AND (? IS NULL OR etag = ?)',
  );
  const listAll = db.prepare<[string, string, string, number], Row>(
    'SELECT etag, body, id FROM docs WHERE container = ? AND pk = ? AND id > ? ORDER BY id LIMIT ?',
  );
  const listType = db.prepare<[string, string, string, string, number], Row>(
    'SELECT etag, body, id FROM docs WHERE container = ? AND pk = ? AND type = ? AND id > ? ORDER BY id LIMIT ?',
  );

  const scan = db.prepare<[string, string, string, number], Row & { pk: string }>(
    'SELECT etag, body, id, pk FROM docs WHERE container = ? AND (pk, id) > (?, ?) ORDER BY pk, id LIMIT ?',
  );

  const prepare = (input: T) => {
    const doc = parse(input);
    return { doc, pk: partitionKeyOf(name, doc), etag: randomUUID(), body: JSON.stringify(doc) };
  };

  const replace = async (input: T, expected: string) => {
    const { doc, pk, etag, body } = prepare(input);
    const changed = update.run(doc.type, etag, body, name, pk, doc.id, expected).changes;
    if (changed === 1) return ok({ doc, etag });
    const exists = select.get(name, pk, doc.id) !== undefined;
    return err(exists ? { code: 'CONFLICT' as const } : { code: 'NOT_FOUND' as const });
  };

  return {
    async get(pk, id) {
      const row = select.get(name, pk, id);
      return row === undefined ? undefined : stored(row);
    },
    async create(input) {
      const { doc, pk, etag, body } = prepare(input);
      try {
        insert.run(name, pk, doc.id, doc.type, etag, body);
      } catch (error) {
        if (isPrimaryKeyViolation(error)) return err({ code: 'CONFLICT' as const });
        throw error;
      }
      return ok({ doc, etag });
    },
    replace,
    // SQLite is never throttled
    tryReplace: replace,
    async upsert(input) {
      const { doc, pk, etag, body } = prepare(input);
      upsert.run(name, pk, doc.id, doc.type, etag, body);
      return { doc, etag };
    },
    async delete(pk, id, expected) {
      const changed = remove.run(name, pk, id, expected ?? null, expected ?? null).changes;
      if (changed === 1) return ok(undefined);
      const exists = select.get(name, pk, id) !== undefined;
      return err(exists ? { code: 'CONFLICT' as const } : { code: 'NOT_FOUND' as const });
    },
    async list<K extends T['type']>(pk: string, options: ListOptions<K> = {}) {
      const size = pageSize(options.limit);
      const after = options.continuation === undefined ? '' : decodeContinuation(options.continuation);
      const rows =
        options.type === undefined
          ? listAll.all(name, pk, after, size + 1)
          : listType.all(name, pk, options.type, after, size + 1);
      const items = rows.slice(0, size).map(stored) as Stored<Extract<T, { type: K }>>[];
      const last = rows.length > size ? rows[size - 1] : undefined;
      const page: Page<Stored<Extract<T, { type: K }>>> =
        last === undefined ? { items } : { items, continuation: encodeContinuation(last.id) };
      return page;
    },
    async scan(options = {}) {
      const size = pageSize(options.limit);
      const [afterPk, afterId] =
        options.continuation === undefined
          ? ['', '']
          : (JSON.parse(decodeContinuation(options.continuation)) as [string, string]);
      const rows = scan.all(name, afterPk, afterId, size + 1);
      const items = rows.slice(0, size).map(stored);
      const last = rows.length > size ? rows[size - 1] : undefined;
      return last === undefined
        ? { items }
        : { items, continuation: encodeContinuation(JSON.stringify([last.pk, last.id])) };
    },
  };
}

function isPrimaryKeyViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
