import { Faults as SharedFaults } from '../faults.js';
import type { FaultStatus } from './errors.js';

export type { FaultMatch } from '../faults.js';

/** The fake Google Calendar's `failNext` faults. */
export class Faults extends SharedFaults<FaultStatus> {}
