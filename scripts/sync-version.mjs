// After `changeset version` bumps package.json, writes the same version into src/version.ts
// (the elements compare it when another copy already registered a tag).
import { readFileSync, writeFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
writeFileSync(
  'src/version.ts',
  `// Kept equal to package.json's version by \`npm run version-packages\` (checked by test/node/version.test.ts).\nexport const VERSION = '${version}';\n`,
);
console.log(`src/version.ts: ${version}`);
