import type { Root } from '../app/root.js';

/** Where a handler gets its root: the worker's, loaded on first use, or one a test or the sandbox built. */
export type RootSource = () => Root | Promise<Root>;

/**
 * The worker's root, imported when a trigger first runs. Loading the entry then registers the
 * functions and nothing more (no zod, no configuration, no service, no SDK), so a cold start pays only
 * for `@azure/functions`; each trigger loads what it uses on its first invocation (BENCHMARKS.md).
 */
export const workerRoot: RootSource = async () => (await import('../app/root.js')).getRoot();
