import type { RpcInvocationRequest } from './core-types.js';
import type { DescribedFunction } from './describe-function.js';

type TimerFunction = Extract<DescribedFunction, { kind: 'timer' }>;

export interface TimerOptions {
  readonly timers: readonly TimerFunction[];
  readonly now: () => Date;
  /** `true`: fire each timer on its schedule by `now()`, checked every second. */
  readonly onSchedule: boolean;
  readonly invoke: (
    fn: TimerFunction,
    request: Pick<RpcInvocationRequest, 'inputData'>,
    reason: string,
  ) => Promise<unknown>;
}

export interface Timers {
  /** Invokes a timer now; rejects when the function fails. */
  run(name: string): Promise<void>;
  stop(): Promise<void>;
}

const TICK_MS = 1000;

/**
 * The timer triggers. On schedule, a timer fires once `now()` reaches its next occurrence; when the
 * clock has passed more than one occurrence (a host that was down, a simulated clock that jumped),
 * they coalesce into one run with `isPastDue: true`, and the next occurrence is counted from now,
 * as the host's schedule monitor does. A timer never runs twice at once on its schedule.
 */
export function startTimers(options: TimerOptions): Timers {
  const start = options.now();
  const state = new Map(
    options.timers.map((fn) => [
      fn.name,
      { fn, last: start, next: fn.schedule.next(start), running: undefined as Promise<void> | undefined },
    ]),
  );
  const inFlight = new Set<Promise<unknown>>();

  /** `last`: the occurrence before this run; `next`: the one after it. */
  const fire = (name: string, last: Date, isPastDue: boolean, reason: string): Promise<void> => {
    const timer = state.get(name);
    if (timer === undefined) {
      const names = [...state.keys()].join(', ') || 'none';
      return Promise.reject(new Error(`no timer function '${name}' (timers: ${names})`));
    }
    const now = options.now();
    // The host's TimerInfo, PascalCase; the library camel-cases it into a `Timer`.
    const payload = {
      Schedule: { AdjustForDST: true },
      ScheduleStatus: {
        Last: last.toISOString(),
        Next: (timer.next ?? now).toISOString(),
        LastUpdated: now.toISOString(),
      },
      IsPastDue: isPastDue,
    };
    const run = options
      .invoke(
        timer.fn,
        { inputData: [{ name: timer.fn.bindingName, data: { json: JSON.stringify(payload) } }] },
        reason,
      )
      .then(() => undefined);
    inFlight.add(run);
    void run.then(
      () => inFlight.delete(run),
      () => inFlight.delete(run),
    );
    return run;
  };

  const onSchedule = (
    timer: NonNullable<ReturnType<typeof state.get>>,
    last: Date,
    isPastDue: boolean,
    reason: string,
  ) => {
    const run = fire(timer.fn.name, last, isPastDue, reason).catch(() => undefined); // logged by the invocation
    timer.running = run;
    void run.then(() => (timer.running = undefined));
  };

  let interval: NodeJS.Timeout | undefined;
  if (options.onSchedule) {
    for (const timer of state.values()) {
      if (timer.fn.runOnStartup)
        onSchedule(timer, timer.last, false, 'Timer fired on startup (runOnStartup)');
    }
    interval = setInterval(() => {
      const now = options.now();
      for (const timer of state.values()) {
        const due = timer.next;
        if (timer.running !== undefined || due === undefined || now < due) continue;
        const following = timer.fn.schedule.next(due);
        const isPastDue = following !== undefined && following <= now;
        const last = timer.last;
        timer.last = due;
        timer.next = timer.fn.schedule.next(now);
        onSchedule(timer, last, isPastDue, `Timer fired at ${now.toISOString()}`);
      }
    }, TICK_MS);
  }

  return {
    run: (name) =>
      fire(
        name,
        state.get(name)?.last ?? start,
        false,
        'This function was programmatically called via the host APIs.',
      ),
    async stop() {
      clearInterval(interval);
      await Promise.allSettled([...inFlight]);
    },
  };
}
