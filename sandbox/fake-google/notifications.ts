import { GoogleApiError } from './errors.js';

/** A push channel opened by `events.watch`. */
export interface Channel {
  readonly id: string;
  readonly token?: string;
  readonly resourceId: string;
  readonly resourceUri: string;
  readonly address: string;
  /** ms since the epoch. */
  readonly expiration: number;
  readonly calendarId: string;
  stopped: boolean;
  /** The last `X-Goog-Message-Number` used on this channel. */
  messageNumber: number;
}

/** One notification the fake meant to send, and what became of it. */
export interface Delivery {
  readonly channelId: string;
  readonly state: 'sync' | 'exists';
  readonly messageNumber: number;
  readonly dropped: boolean;
  status?: number;
  error?: string;
}

const DELIVERY_TIMEOUT_MS = 5000;

/**
 * Web-hook channels and their notifications. Delivery is fire-and-forget as Google's is: a failure is
 * recorded on the `Delivery`, never thrown into the write that caused it; `flush` awaits them all.
 */
export class Notifier {
  private readonly open: Channel[] = [];
  private readonly sent: Delivery[] = [];
  private readonly pending = new Set<Promise<void>>();
  private toDrop = 0;
  private resourceCounter = 0;

  constructor(private readonly now: () => Date) {}

  watch(input: Omit<Channel, 'stopped' | 'messageNumber' | 'resourceId'>): Channel {
    if (this.open.some((channel) => channel.id === input.id && this.isActive(channel))) {
      throw new GoogleApiError(400, {
        error: {
          errors: [
            { domain: 'global', reason: 'channelIdNotUnique', message: `Channel id ${input.id} not unique` },
          ],
          code: 400,
          message: `Channel id ${input.id} not unique`,
        },
      });
    }
    this.resourceCounter += 1;
    const channel: Channel = {
      ...input,
      resourceId: `rsrc${this.resourceCounter.toString(32).padStart(10, '0')}`,
      stopped: false,
      messageNumber: 0,
    };
    this.open.push(channel);
    this.send(channel, 'sync');
    return channel;
  }

  stop(id: string, resourceId: string): boolean {
    const channel = this.open.find((c) => c.id === id && c.resourceId === resourceId && !c.stopped);
    if (!channel) return false;
    channel.stopped = true;
    return true;
  }

  /** An `exists` message to every live channel on the calendar. */
  changed(calendarId: string): void {
    for (const channel of this.open) {
      if (channel.calendarId === calendarId && this.isActive(channel)) this.send(channel, 'exists');
    }
  }

  drop(count: number): void {
    this.toDrop += count;
  }

  channels(): readonly Channel[] {
    return this.open;
  }

  deliveries(): readonly Delivery[] {
    return this.sent;
  }

  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private isActive(channel: Channel): boolean {
    return !channel.stopped && channel.expiration > this.now().getTime();
  }

  private send(channel: Channel, state: Delivery['state']): void {
    channel.messageNumber += 1;
    const dropped = this.toDrop > 0;
    if (dropped) this.toDrop -= 1;
    const delivery: Delivery = {
      channelId: channel.id,
      state,
      messageNumber: channel.messageNumber,
      dropped,
    };
    this.sent.push(delivery);
    if (dropped) return;
    const headers: Record<string, string> = {
      'X-Goog-Channel-ID': channel.id,
      'X-Goog-Channel-Expiration': new Date(channel.expiration).toUTCString(),
      'X-Goog-Resource-ID': channel.resourceId,
      'X-Goog-Resource-URI': channel.resourceUri,
      'X-Goog-Resource-State': state,
      'X-Goog-Message-Number': String(channel.messageNumber),
    };
    if (channel.token !== undefined) headers['X-Goog-Channel-Token'] = channel.token;
    const attempt = post(channel.address, headers).then(
      (status) => {
        delivery.status = status;
      },
      (error: unknown) => {
        delivery.error = error instanceof Error ? error.message : String(error);
      },
    );
    const tracked = attempt.finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }
}

async function post(address: string, headers: Record<string, string>): Promise<number> {
  const response = await fetch(address, {
    method: 'POST',
    headers,
    body: '',
    signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
  });
  await response.arrayBuffer();
  return response.status;
}
