// The demo page: fills the pasted-JSON examples from the sample, applies ?theme= and
// ?lang= to every widget, then registers the elements.
import sampleText from '../data/mexico-us-deployment.json?raw';
import type { NwStances } from '../src/index.js';

const params = new URLSearchParams(location.search);
const theme = params.get('theme') ?? 'light';
const lang = params.get('lang');

document.documentElement.dataset.theme = theme;
if (lang) document.documentElement.lang = lang;
for (const widget of document.querySelectorAll('nw-summary, nw-stance-card, nw-stances')) {
  widget.setAttribute('theme', theme);
}
document.querySelector('#sample')!.textContent = sampleText;
document.querySelector('#with-child script')!.textContent = sampleText;
document.querySelector<NwStances>('#by-property')!.analysis = JSON.parse(sampleText);

await import('../src/define.js');
