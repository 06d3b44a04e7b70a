// Kept equal to package.json's version by `npm run version-packages` (checked by test/node/version.test.ts).
export const VERSION = '0.1.0';
