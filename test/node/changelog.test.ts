// How a changeset reads in CHANGELOG.md (.changeset/changelog.cjs, what `changeset version` calls).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { it } from 'node:test';

const { getReleaseLine, getDependencyReleaseLine } = createRequire(import.meta.url)(
  '../../.changeset/changelog.cjs',
) as {
  getReleaseLine: (changeset: { summary: string; commit?: string }) => Promise<string>;
  getDependencyReleaseLine: () => Promise<string>;
};

it('writes a changeset as one list item in its own words, without the commit hash', async () => {
  const summary = '**Timeline.** Statements in date order.\n\n- filters by actor\n- arrow keys\n';
  assert.equal(
    await getReleaseLine({ summary, commit: '0123456789abcdef' }),
    '- **Timeline.** Statements in date order.\n\n  - filters by actor\n  - arrow keys',
  );
});

it('writes no line for dependency updates (the package has no internal dependencies)', async () => {
  assert.equal(await getDependencyReleaseLine(), '');
});
