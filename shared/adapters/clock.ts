import type { Clock, WaitingClock } from '../ports.js';

/** Waits `ms` of real time. */
export const realWait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The system's clock, or `clock` (the sandbox's), with real waits. */
export const waitingClock = (clock: Clock = { now: () => new Date() }): WaitingClock => ({
  now: () => clock.now(),
  wait: realWait,
});
