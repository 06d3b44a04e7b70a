// Finds a Chrome or Chromium, and the flags it needs here: plain JavaScript so that both the
// published command (publish's height measuring) and the test tooling (scripts/browser.mjs,
// loaded by web-test-runner.config.mjs without a build) use this one copy.
import { accessSync, constants } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** Whether `path` is a file this process may run. */
export const executable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The browser to use: $CHROME_PATH when set (and runnable), else the first one installed, else undefined. */
export function findBrowser(env = process.env) {
  if (env.CHROME_PATH) return executable(env.CHROME_PATH) ? env.CHROME_PATH : undefined;
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
