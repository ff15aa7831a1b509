import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { IdGen } from '../ports.js';

/** Ids and secrets from the platform's cryptographic random source. */
export const cryptoIds: IdGen = {
  newId: () => randomUUID(),
  newSecret: () => randomBytes(32).toString('base64url'),
  digest: (text) => createHash('sha256').update(text).digest('hex'),
};
