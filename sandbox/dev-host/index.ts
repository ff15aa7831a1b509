export { startDevHost, type DevHost, type DevHostOptions } from './start-dev-host.js';
