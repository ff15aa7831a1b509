import type { Clock, WaitingClock } from '../ports.js';

/** The system's clock, or `clock` (the sandbox's, a test's), with waits of real time. */
export const waitingClock = (clock: Clock = { now: () => new Date() }): WaitingClock => ({
  now: () => clock.now(),
  wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
});
