import type { Container, CosmosClient, SqlQuerySpec } from '@azure/cosmos';
import {
  CONTAINERS,
  err,
  ok,
  partitionKeyOf,
  type ContainerDoc,
  type ContainerName,
} from '../../domain/index.js';
import type { Collection, ListOptions, Scannable, Store, Stored, Throttled } from '../../ports.js';
import { pageSize } from '../continuation.js';

/**
 * The Store on Cosmos DB (NoSQL API): one container per entry of `CONTAINERS`, partitioned by its
 * key. Conditional writes use `_etag` (`IfMatch`); a 412 or 409 is a `CONFLICT`, never retried here.
 */
export function openCosmosStore(client: CosmosClient, databaseId: string): Store {
  const database = client.database(databaseId);
  const open = <C extends ContainerName>(name: C) => collection(database.container(name), name);
  return {
    pairs: open('pairs'),
    users: open('users'),
    calendars: open('calendars'),
    jobs: open('jobs'),
    close: async () => {
      client.dispose();
    },
  };
}

function collection<C extends ContainerName>(
  container: Container,
  name: C,
): Collection<ContainerDoc<C>> & Scannable<ContainerDoc<C>> {
  type T = ContainerDoc<C>;
  const schema = CONTAINERS[name].schema;
  const parse = (doc: unknown) => schema.parse(doc) as T;
  const stored = (resource: unknown): Stored<T> => ({ doc: parse(resource), etag: etagOf(resource) });
  const keyPath = CONTAINERS[name].partitionKey;

  /** The conditional write itself; what the SDK throws is the caller's to read. */
  const replaceIfMatch = async (input: T, etag: string) => {
    const doc = parse(input);
    const { resource } = await container
      .item(doc.id, partitionKeyOf(name, doc))
      .replace(doc, { accessCondition: { type: 'IfMatch', condition: etag } });
    return ok(stored(resource));
  };

  return {
    async get(pk, id) {
      try {
        const { resource } = await container.item(id, pk).read<Record<string, unknown>>();
        return resource === undefined ? undefined : stored(resource);
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw error;
      }
    },
    async create(input) {
      const doc = parse(input);
      try {
        const { resource } = await container.items.create(doc);
        return ok(stored(resource));
      } catch (error) {
        if (statusOf(error) === 409) return err({ code: 'CONFLICT' as const });
        throw error;
      }
    },
    async replace(input, etag) {
      try {
        return await replaceIfMatch(input, etag);
      } catch (error) {
        return writeError(error);
      }
    },
    async tryReplace(input, etag) {
      try {
        return await replaceIfMatch(input, etag);
      } catch (error) {
        return statusOf(error) === 429 ? err(throttledOf(error)) : writeError(error);
      }
    },
    async upsert(input) {
      const { resource } = await container.items.upsert(parse(input));
      return stored(resource);
    },
    async delete(pk, id, etag) {
      try {
        const options = etag === undefined ? {} : { accessCondition: { type: 'IfMatch', condition: etag } };
        await container.item(id, pk).delete(options);
        return ok(undefined);
      } catch (error) {
        return writeError(error);
      }
    },
    async list<K extends T['type']>(pk: string, options: ListOptions<K> = {}) {
      const maxItemCount = pageSize(options.limit);
      const filter = options.type === undefined ? '' : ' AND c.type = @type';
      const query: SqlQuerySpec = {
        query: `SELECT * FROM c WHERE c.${keyPath} = @pk${filter} ORDER BY c.id`,
        parameters: [
          { name: '@pk', value: pk },
          ...(options.type === undefined ? [] : [{ name: '@type', value: options.type }]),
        ],
      };
      const response = await container.items
        .query(query, {
          partitionKey: pk,
          maxItemCount,
          ...(options.continuation === undefined ? {} : { continuationToken: options.continuation }),
        })
        .fetchNext();
      const items = response.resources.map(stored) as Stored<Extract<T, { type: K }>>[];
      return response.continuationToken === undefined || !response.hasMoreResults
        ? { items }
        : { items, continuation: response.continuationToken };
    },
    async scan(options = {}) {
      const response = await container.items
        .query('SELECT * FROM c', {
          maxItemCount: pageSize(options.limit),
          ...(options.continuation === undefined ? {} : { continuationToken: options.continuation }),
        })
        .fetchNext();
      const items = response.resources.map(stored);
      return response.continuationToken === undefined || !response.hasMoreResults
        ? { items }
        : { items, continuation: response.continuationToken };
    },
  };
}

function writeError(error: unknown) {
  const status = statusOf(error);
  if (status === 412 || status === 409) return err({ code: 'CONFLICT' as const });
  if (status === 404) return err({ code: 'NOT_FOUND' as const });
  throw error;
}

/** A 429 the SDK gave up on, as the port's value, with the wait Cosmos DB asked for (`x-ms-retry-after-ms`). */
function throttledOf(error: unknown): Throttled {
  const wait = (error as { retryAfterInMs?: unknown }).retryAfterInMs;
  return typeof wait === 'number' ? { code: 'THROTTLED', retryAfterMs: wait } : { code: 'THROTTLED' };
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code =
    (error as { code?: unknown; statusCode?: unknown }).code ??
    (error as { statusCode?: unknown }).statusCode;
  return typeof code === 'number' ? code : undefined;
}

function etagOf(resource: unknown): string {
  const etag = (resource as { _etag?: unknown } | undefined)?._etag;
  if (typeof etag !== 'string') throw new Error('Cosmos DB returned a document without an _etag');
  return etag;
}
