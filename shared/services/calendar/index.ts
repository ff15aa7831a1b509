export * from './deps.js';
export * from './channels.js';
export * from './maintain-calendars.js';
export * from './notification.js';
export * from './process-sync-request.js';
export * from './sync-calendar.js';
export * from './watch-calendar.js';
