import type { Linter } from 'eslint';

/** The ESLint block that keeps shared/domain and shared/services free of SDKs, adapters and I/O. */
export declare const dependencyRule: Linter.Config;
