// The widgets page: fills the pasted-JSON examples from the sample, then applies the
// demo settings and registers the elements (settings.ts).
import sampleText from '../data/mexico-us-deployment.json?raw';
import type { NwStances } from '../src/index.js';

document.querySelector('#sample')!.textContent = sampleText;
document.querySelector('#with-child script')!.textContent = sampleText;
document.querySelector<NwStances>('#by-property')!.analysis = JSON.parse(sampleText);

await import('./settings.js');
