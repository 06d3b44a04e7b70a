// Finds a Chrome or Chromium for the browser tests, and installs Debian's when it can.
// Shared by web-test-runner.config.mjs and `npm test` (scripts/ensure-browser.mjs); the
// search and flags themselves live in src/publish/find-browser.mjs, which publish uses too.
import { execFileSync } from 'node:child_process';

import { CHROMIUM_ARGS, executable, findBrowser } from '../src/publish/find-browser.mjs';

export { CHROMIUM_ARGS, findBrowser };

export const HOW_TO_INSTALL =
  'no Chrome or Chromium found: install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROME_PATH to its binary';

/** Installs Debian's chromium when we are root with apt-get; returns the path or undefined. */
export function installChromium(log = console.error) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !executable('/usr/bin/apt-get')) return undefined;
  log("newsroom-widgets: no Chrome or Chromium found; installing Debian's chromium with apt-get…");
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'ignore',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    return undefined;
  }
  return findBrowser();
}
