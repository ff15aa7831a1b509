/**
 * Document ids derived from the data they name, so that every write is an upsert by key and a
 * replayed webhook or a retried queue message lands on the same document.
 * Cosmos DB forbids `/`, `\`, `?` and `#` in ids; they are percent-encoded here.
 */
export function docId(...parts: readonly string[]): string {
  return parts.map((part) => part.replace(/[%/\\?#]/g, (c) => `%${c.charCodeAt(0).toString(16)}`)).join(':');
}

/** The pair of a manager and a report: `manager@x|report@x`, the form transcripts show. */
export function pairIdOf(managerEmail: string, reportEmail: string): string {
  return `${managerEmail.toLowerCase()}|${reportEmail.toLowerCase()}`;
}

/** An occurrence is keyed by its series and its original start, which never changes when it moves. */
export function occurrenceIdOf(seriesId: string, originalStart: string): string {
  return docId('occurrence', seriesId, originalStart);
}

/** The idempotency key of a delivery: kind + occurrence + recipient. */
export function deliveryIdOf(kind: string, occurrenceId: string, recipientUserId: string): string {
  return docId('delivery', kind, occurrenceId, recipientUserId);
}

/**
 * A job's id leads with its due time, so a bucket read in id order is read in due order: the
 * scheduler stops at the first job not due yet instead of reading the rest of the hour.
 */
export function jobIdOf(dueAt: string, kind: string, occurrenceId: string): string {
  return docId(dueAt, kind, occurrenceId);
}

/** The job bucket of an instant: its UTC hour, `2026-03-02T08`. */
export function bucketOf(instant: string | Date): string {
  const iso = typeof instant === 'string' ? new Date(instant).toISOString() : instant.toISOString();
  return iso.slice(0, 13);
}

/** A Teams user's id: tenant + Entra object id. */
export function userIdOf(tenantId: string, aadObjectId: string): string {
  return `${tenantId.toLowerCase()}:${aadObjectId.toLowerCase()}`;
}
