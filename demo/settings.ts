export {}; // a module: it awaits at the top level
// Demo pages: ?theme= and ?lang= apply to the page and every widget, then the elements register.
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
