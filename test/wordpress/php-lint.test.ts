/**
 * `php -l` on every PHP file of the plugin, as written (src/wordpress) and as built
 * (dist/wordpress/newsroom-widgets, with its generated editor.asset.php).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CANNOT_RUN, cannotRunHere } from './wordpress.js';

const php = !cannotRunHere(
  spawnSync('php', ['-v']).status === 0
    ? undefined
    : `php -l ${CANNOT_RUN}: no php here (Debian/Ubuntu: \`sudo apt-get install -y php-cli\`).`,
);

const phpFiles = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.php'))
        .map((f) => join(dir, f))
        .sort()
    : [];

describe('php -l', { skip: !php }, () => {
  const files = [...phpFiles('src/wordpress'), ...phpFiles('dist/wordpress/newsroom-widgets')];
  it('finds the plugin’s PHP, built and as written', () => {
    assert.ok(files.includes('src/wordpress/newsroom-widgets.php'));
    assert.ok(files.includes('dist/wordpress/newsroom-widgets/build/editor.asset.php'), 'run `npm run build` first');
  });
  for (const file of files) {
    it(file, () => {
      const result = spawnSync('php', ['-l', file], { encoding: 'utf8' });
      assert.equal(result.status, 0, result.stdout + result.stderr);
    });
  }
});
