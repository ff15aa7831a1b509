import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { LOCAL_DIGEST_KEY } from '../config.js';
import type { IdGen } from '../ports.js';

/**
 * Ids and secrets from the platform's cryptographic random source; digests keyed with `digestKey`
 * (HMAC-SHA256), so that hashing a staff list does not tell whose digest a key is.
 */
export function createCryptoIds(digestKey: string): IdGen {
  return {
    newId: () => randomUUID(),
    newSecret: () => randomBytes(32).toString('base64url'),
    digest: (text) => createHmac('sha256', digestKey).update(text).digest('hex'),
    legacyDigest: (text) => createHash('sha256').update(text).digest('hex'),
  };
}

/** The sandbox's and the tests' ids, keyed with the local mode's digest key. */
export const cryptoIds: IdGen = createCryptoIds(LOCAL_DIGEST_KEY);
