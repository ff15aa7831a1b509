// The functions entry (`main` in package.json): importing a trigger file registers it.
import './health.js';
