import type { Pair } from '../../domain/index.js';

/** Why an action on "my 1:1" could not pick one. */
export type PairError =
  | { readonly code: 'NO_PAIR' }
  | { readonly code: 'AMBIGUOUS_PAIR'; readonly pairs: readonly Pair[] }
  | { readonly code: 'NOT_MEMBER' }
  | { readonly code: 'NO_UPCOMING_1ON1'; readonly pair: Pair };
