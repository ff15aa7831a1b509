import { createHash } from 'node:crypto';

/**
 * Activity ids as Teams makes them: messages get numeric ids (epoch milliseconds, which the SDK's
 * threading requires), system events and invokes get `f:` ids. Both are unique even on a frozen clock.
 */
export class ActivityIds {
  private lastMessage = 0;
  private events = 0;

  constructor(private readonly now: () => number) {}

  message(): string {
    this.lastMessage = Math.max(this.lastMessage + 1, Math.floor(this.now()));
    return String(this.lastMessage);
  }

  /** An id already used (a restored chat): later messages get higher ones. */
  seen(messageId: string): void {
    const value = Number(messageId);
    if (Number.isSafeInteger(value)) this.lastMessage = Math.max(this.lastMessage, value);
  }

  event(): string {
    this.events += 1;
    return `f:${createHash('sha256').update(`event|${this.events}`).digest('hex').slice(0, 32)}`;
  }
}
