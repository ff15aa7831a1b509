import type { Linter } from 'eslint';

/** The ESLint blocks of the layering: the I/O-free core, shared/ below teams-app/ and the root, the triggers. */
export declare const dependencyRules: Linter.Config[];
