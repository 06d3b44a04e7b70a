// Finds a Chrome or Chromium for the browser tests, and installs Debian's when it can.
// Shared by web-test-runner.config.mjs and `npm test` (scripts/ensure-browser.mjs).
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

const executable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The browser to use: $CHROME_PATH when set, else the first one installed, else undefined. */
export function findBrowser() {
  if (process.env.CHROME_PATH) return executable(process.env.CHROME_PATH) ? process.env.CHROME_PATH : undefined;
  return CANDIDATES.find(executable);
}

/** Flags for headless Chromium on a machine with no GPU, no sandbox and no network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

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
