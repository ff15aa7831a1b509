import { startAzuriteQueue } from '../../sandbox/azurite-queue.js';

/** Azurite's queue service for a test: in memory, on a free port. */
export const startAzurite = () => startAzuriteQueue();
