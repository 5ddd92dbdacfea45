/** Exit 0 when a browser to print with is found, 1 when not: used by scripts/setup.sh. */
import { findBrowser } from './find-browser.js';

try {
  findBrowser({ env: process.env, platform: process.platform });
  process.exitCode = 0;
} catch {
  process.exitCode = 1;
}
