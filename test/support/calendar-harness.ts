export { calendarHarness, testClock } from '../../sandbox/local/calendar-system.js';
