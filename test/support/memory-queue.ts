export { memoryQueue } from '../../sandbox/local/memory-queue.js';
