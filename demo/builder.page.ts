// builder.html: the demo header and settings, then the builder with the sample and, when the
// package has been built, the real integrity hash of the CDN file (never a made-up one) and
// the embed script site.zip copies.
// builder.html?sample opens with the sample loaded.
import sample from '../data/mexico-us-deployment.json?raw';
import { mountBuilder } from './builder.js';

// `npm run build` writes dist/cdn/integrity.json; before that the glob finds nothing.
const built = import.meta.glob<Record<string, string>>('../dist/cdn/integrity.json', {
  eager: true,
  import: 'default',
});
const integrity = Object.values(built)[0];
// The same build's classic embed script, which "Download site.zip" copies as embed.js: its
// text, loaded only then (a URL would not do: Vite's dev server serves it rewritten).
const embedScripts = import.meta.glob<string>('../dist/embed/embed.classic.js', { query: '?raw', import: 'default' });
const loadEmbedScript = Object.values(embedScripts)[0];

await import('./settings.js');
const builder = mountBuilder(document.querySelector<HTMLElement>('#builder')!, {
  integrity,
  sample,
  ...(loadEmbedScript ? { loadEmbedScript } : {}),
});
if (new URLSearchParams(location.search).has('sample')) void builder.load(sample);
