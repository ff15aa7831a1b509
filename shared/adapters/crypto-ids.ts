import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { LOCAL_DIGEST_KEY } from '../config.js';
import type { IdGen } from '../ports.js';

/**
 * Ids and secrets from the platform's cryptographic random source; digests keyed with `digestKey`
 * (HMAC-SHA256), so that hashing a staff list does not tell whose digest a key is. `oldKeys` are the
 * keys `digestKey` replaced: what was kept under them is still found.
 */
export function createCryptoIds(digestKey: string, oldKeys: readonly string[] = []): IdGen {
  const hmac = (key: string, text: string) => createHmac('sha256', key).update(text).digest('hex');
  return {
    newId: () => randomUUID(),
    newSecret: () => randomBytes(32).toString('base64url'),
    digest: (text) => hmac(digestKey, text),
    legacyDigest: (text) => createHash('sha256').update(text).digest('hex'),
    oldDigests: oldKeys.map((key) => (text: string) => hmac(key, text)),
  };
}

/** The sandbox's and the tests' ids, keyed with the local mode's digest key. */
export const cryptoIds: IdGen = createCryptoIds(LOCAL_DIGEST_KEY);
