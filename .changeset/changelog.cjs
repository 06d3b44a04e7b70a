// How `changeset version` writes each changeset into CHANGELOG.md: the changeset's own words,
// without the default writer's commit hash in front (readers of a release's notes want what
// changed for them; the commit is one `git log` away).
module.exports = {
  getReleaseLine: async (changeset) => {
    const [first, ...rest] = changeset.summary.trim().split('\n');
    return [`- ${first}`, ...rest.map((line) => (line.trim() ? `  ${line}` : ''))].join('\n').trimEnd();
  },
  getDependencyReleaseLine: async () => '',
};
