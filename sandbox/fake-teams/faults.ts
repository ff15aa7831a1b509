import { Faults as SharedFaults } from '../faults.js';
import type { FaultStatus } from './fake-teams.js';

/** The fake Teams' `failNext` faults. */
export class Faults extends SharedFaults<FaultStatus> {}
