#!/usr/bin/env node
// The command ships compiled in dist/; `npm install` builds it (the `prepare` script).
import('../dist/cli.js').then(
  ({ run }) => run(),
  () => {
    console.error('newsroom-widgets: dist/cli.js is missing; run `npm run build` first.');
    process.exitCode = 2;
  },
);
