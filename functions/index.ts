// The functions entry (`main` in package.json): importing a trigger file registers it.
import './hooks.js';
import './calendar-channels.js';
import './calendar-sync.js';
import './calendar-webhook.js';
import './deliver.js';
import './health.js';
import './messages.js';
import './scheduler.js';
