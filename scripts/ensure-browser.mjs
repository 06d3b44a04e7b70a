// Runs before the browser tests: finds Chrome/Chromium, installs Debian's when it can
// (root + apt-get), or stops with one line saying how. Never a stack trace.
import { findBrowser, HOW_TO_INSTALL, installChromium } from './browser.mjs';

const browser = findBrowser() ?? installChromium();
if (!browser) {
  console.error(`newsroom-widgets: ${HOW_TO_INSTALL}.`);
  process.exit(1);
}
