/**
 * The plugin's readme.txt "== Changelog ==" section, written from CHANGELOG.md at build time:
 * WordPress's plugin directory shows it (CHANGELOG.md cannot be opened there): one `= version =`
 * per release and a line per change, the change's first sentence (up to a colon or semicolon,
 * capped at MAX_LINE) without its bold.
 */

const MAX_LINE = 200;

/** The changes of each release in CHANGELOG.md, newest first, as readme.txt lines. */
export function changelogSection(changelog: string): string {
  const releases = changelog.split(/^## /m).slice(1);
  return releases
    .map((release) => {
      const [version, ...lines] = release.split('\n');
      return [`= ${version!.trim()} =`, '', ...changes(lines).map((change) => `* ${firstSentence(change)}`)].join('\n');
    })
    .join('\n\n');
}

/** Each top-level list item's first paragraph, on one line. */
function changes(lines: string[]): string[] {
  const items: string[] = [];
  let open = false;
  for (const line of lines) {
    if (line.startsWith('- ')) {
      items.push(line.slice(2));
      open = true;
    } else if (open && /^ {2}\S/.test(line) && !/^ {2}[-*] /.test(line)) items[items.length - 1] += ` ${line.trim()}`;
    else open = false;
  }
  return items;
}

function firstSentence(text: string): string {
  const plain = text.replaceAll('**', '');
  const sentence = /^(.+?[.:;!?])(\s|$)/.exec(plain)?.[1] ?? plain;
  const trimmed = sentence.replace(/[.:;]$/, '');
  return trimmed.length > MAX_LINE ? `${trimmed.slice(0, MAX_LINE - 1).trimEnd()}…` : trimmed;
}

/** readme.txt with its Changelog section's body replaced by `section` (the heading stays). */
export function withChangelog(readme: string, section: string): string {
  const heading = /^== Changelog ==\n/m.exec(readme);
  if (!heading) throw new Error('readme.txt has no "== Changelog ==" section');
  const start = heading.index + heading[0].length;
  const next = readme.slice(start).search(/^== /m);
  const end = next === -1 ? readme.length : start + next;
  return `${readme.slice(0, start)}\n${section}\n${next === -1 ? '' : `\n${readme.slice(end)}`}`;
}
