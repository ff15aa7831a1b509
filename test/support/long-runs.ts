/**
 * The reliability runs (the soak, the fuzzers) at two sizes: `npm run test:long` sets STEADY_LONG=1
 * and runs them at full size, as CI does in a step of its own; `npm test` runs a short version of each,
 * with the same checks, to keep the loop fast.
 */
const LONG = process.env['STEADY_LONG'] === '1';

/** `full` in the long runs, `short` in `npm test`. */
export const sized = (full: number, short: number): number => (LONG ? full : short);
