// The validator in real Chromium: the same module the elements ship, fed over HTTP.
import { expect } from '@open-wc/testing';
import { parseAnalysis, validateAnalysis } from './validate.js';

describe('validateAnalysis in the browser', () => {
  it('accepts the sample analysis fetched over HTTP', async () => {
    const text = await (await fetch('/data/mexico-us-deployment.json')).text();
    const result = parseAnalysis(text);
    expect(result.ok, JSON.stringify(!result.ok && result.error)).to.equal(true);
    if (result.ok) expect(result.analysis.sections).to.have.length(5);
  });

  it('reports a javascript: URL and a dangling citation with their paths', async () => {
    const sample = await (await fetch('/data/mexico-us-deployment.json')).json();
    sample.sources[0].url = 'JavaScript:alert(1)';
    sample.sections[2].paragraphs[0] += ' [99]';
    const result = validateAnalysis(sample);
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.error.code).to.equal('schema');
    expect(result.error.issues).to.deep.include({
      path: 'sources[0].url',
      message: 'must be a web address starting with http:// or https://',
    });
    expect(result.error.issues).to.deep.include({
      path: 'sections[2].paragraphs[0]',
      message: 'citation [99] has no matching source',
    });
  });
});
