// oxlint-disable-next-line unicorn/require-module-specifiers -- a module: it awaits at the top level
export {};
// Demo pages: the shared header, then ?theme= and ?lang= applied to the page and every widget,
// then the elements register. ?lang= sets the page's `lang`: every widget speaks it, Arabic and
// Hebrew right to left (the widgets set their own `dir`).
const PAGES = [
  ['./', 'Widgets'],
  ['./article.html', 'Article'],
  ['./analysis.html', 'Full analysis'],
  ['./timeline.html', 'Timeline'],
  ['./builder.html', 'Embed builder'],
];
/** Every built-in language, by its own name (the widgets' own words; the sample analysis stays English). */
const LANGUAGES = [
  ['en', 'English'],
  ['es', 'Español'],
  ['pt', 'Português'],
  ['fr', 'Français'],
  ['de', 'Deutsch'],
  ['it', 'Italiano'],
  ['pl', 'Polski'],
  ['tr', 'Türkçe'],
  ['uk', 'Українська'],
  ['ar', 'العربية'],
  ['he', 'עברית'],
  ['hi', 'हिन्दी'],
  ['id', 'Bahasa Indonesia'],
];
const header = document.querySelector<HTMLElement>('.demo-header')!;
header.innerHTML = `<p class="brand">newsroom-widgets demo</p>
  <nav aria-label="Demo pages">${PAGES.map(
    ([href, name]) => `<a href="${href}"${href === header.dataset.page ? ' aria-current="page"' : ''}>${name}</a>`,
  ).join(' ')}</nav>
  <nav aria-label="Demo settings">
    <span>Theme:</span> <a href="?theme=light">Light</a> <a href="?theme=dark">Dark</a> <a href="?theme=auto">Auto</a>
    <span>Language:</span> ${LANGUAGES.map(([tag, name]) => `<a href="?lang=${tag}" lang="${tag}">${name}</a>`).join(' ')}
  </nav>`;

const params = new URLSearchParams(location.search);
const theme = params.get('theme') ?? 'light';
const lang = params.get('lang');

document.documentElement.dataset.theme = theme;
if (lang) document.documentElement.lang = lang;
for (const link of document.querySelectorAll<HTMLAnchorElement>('nav a[href^="./"]')) link.search = location.search;
for (const widget of document.querySelectorAll('*')) {
  if (widget.localName.startsWith('nw-')) widget.setAttribute('theme', theme);
}
await import('../src/define.js');
