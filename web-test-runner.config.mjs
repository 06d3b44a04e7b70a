// Browser tests run in real headless Chromium (Debian's; no npm package downloads one).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, findBrowser, HOW_TO_INSTALL } from './scripts/browser.mjs';
import { testRoutes } from './test/server/routes.mjs';

const executablePath = findBrowser();
if (!executablePath) {
  console.error(`newsroom-widgets: ${HOW_TO_INSTALL}.`);
  process.exit(1);
}

export default {
  files: ['src/**/*.test.ts', 'test/browser/**/*.test.ts'],
  nodeResolve: true,
  middleware: [testRoutes],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS } })],
  // One page at a time: a page that is not the front tab gets no focus events and no
  // animation frames, which made focus and keyboard tests fail at random.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  // The hostile-documents fuzz file renders 10,000 documents in every element (about 70 s on
  // 2 idle cores); the runner's default 120 s per file left no room on a busy machine.
  testsFinishTimeout: 300_000,
};
