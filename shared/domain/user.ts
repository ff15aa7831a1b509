import { z } from 'zod';
import { foldAddress } from './address-rules.js';
import { DocBase, Email, Instant, TimeZone, UserText } from './common.js';

/** Where the bot reaches a person proactively: their personal chat with Steady. */
export const ConversationReference = z.object({
  conversationId: z.string().min(1),
  serviceUrl: z.url(),
});
export type ConversationReference = z.infer<typeof ConversationReference>;

/** The partition of every refused address claim (see `ClaimRefusal`). */
export const CLAIM_REFUSALS = 'claims:refused' as const;

/** A person who installed Steady in Teams (container `users`, partition `/userId`). */
export const User = DocBase.extend({
  type: z.literal('user'),
  /** `tenantId:aadObjectId`, see `userIdOf`; equal to `id`. */
  userId: z.string().min(1),
  tenantId: z.string().min(1),
  aadObjectId: z.string().min(1),
  email: Email,
  name: UserText(200),
  /** The Google calendar id, the email unless the tenant's domain map says otherwise. */
  calendarId: z.string().min(1),
  timeZone: TimeZone,
  conversation: ConversationReference.optional(),
  /** False after an uninstall or a 403/404 on send: nothing more is sent until they come back. */
  reachable: z.boolean(),
  /**
   * When Teams' member lookup last said their profile still carries `email` (issue 27): looked again
   * when older than a day, before anything is sent to them or they are taken at their word.
   */
  addressCheckedAt: Instant.optional(),
  /**
   * The directory's id of the person whose address `email` was when it was claimed (`DirectoryPerson.id`):
   * while the directory still gives that id for the address, it is theirs, with no Teams call.
   */
  directoryId: z.string().min(1).max(200).optional(),
});
export type User = z.infer<typeof User>;

/**
 * Finds a user by email: a second document in `users` under partition `email:<address>`, pointing at
 * the user's id (the calendar and the pair know people by email; Teams by tenant and object id).
 */
export const EmailAlias = DocBase.extend({
  type: z.literal('emailAlias'),
  userId: z.string().min(1),
  targetUserId: z.string().min(1),
  /**
   * How the holder came to the address (`FoundBy`): absent on claims from before issue 27, which
   * count as exact. A mapped claim gives way to an exact one from the same tenant.
   */
  via: z.enum(['exact', 'mapped']).optional(),
});
export type EmailAlias = z.infer<typeof EmailAlias>;

/**
 * "This person is in this pair", under the person's `email:<address>` partition: found whether or not
 * they installed Steady and whichever calendar showed the 1:1.
 */
export const PairLink = DocBase.extend({
  type: z.literal('pairLink'),
  userId: z.string().min(1),
  pairId: z.string().min(1),
});
export type PairLink = z.infer<typeof PairLink>;

/**
 * A person who asked Steady to delete their data: kept under `erased:<digest of the email>` (never
 * the email itself) so calendar syncs do not pick their 1:1s up again, and under
 * `erased-app:<digest of their Teams user id>`, where `uninstalledAt` records that they removed the
 * app after the erasure (so a later install is one they made, not an install event sent again).
 * Removed when they use Steady again.
 */
export const Erasure = DocBase.extend({
  type: z.literal('erasure'),
  userId: z.string().regex(/^erased(-app)?:[0-9a-f]{64}$/),
  uninstalledAt: Instant.optional(),
});
export type Erasure = z.infer<typeof Erasure>;

/**
 * A second Teams identity that claimed an address another one holds, refused (issue 16): kept under
 * `claims:refused` so `npm run doctor` can name each. Upserted, so a retried claim is one record.
 */
export const ClaimRefusal = DocBase.extend({
  type: z.literal('claimRefusal'),
  userId: z.literal(CLAIM_REFUSALS),
  address: Email,
  claimantUserId: z.string().min(1),
  /** Who holds the address; absent when the refusal is the tenant's domains (`TENANT_DOMAINS`). */
  holderUserId: z.string().min(1).optional(),
  /**
   * `MAPPED_COLLISION`: `DOMAIN_MAP` led the claimant to an address that is another person's own
   * (their Teams address, or the directory's answer for it): refused, or given up when that person came.
   */
  reason: z.enum(['ADDRESS_TAKEN', 'DOMAIN_NOT_ALLOWED', 'MAPPED_COLLISION']),
});
export type ClaimRefusal = z.infer<typeof ClaimRefusal>;

export const UsersDoc = z.discriminatedUnion('type', [User, EmailAlias, PairLink, Erasure, ClaimRefusal]);
export type UsersDoc = z.infer<typeof UsersDoc>;

export const emailAliasKey = (email: string): string => `email:${foldAddress(email)}`;

/** Where the erasure of `email` is kept: its partition key, from `digest` (see IdGen). */
export const erasureKey = (email: string, digest: (text: string) => string): string =>
  `erased:${digest(email.toLowerCase())}`;

/** Where the erasure of the Teams user `userId` is kept (see `Erasure`), from `digest`. */
export const erasedAppKey = (userId: string, digest: (text: string) => string): string =>
  `erased-app:${digest(`app|${userId}`)}`;
