// The TimelineJS importer in real Chromium: it uses no Node APIs, so a CMS can import in the page.
import { expect } from '@open-wc/testing';
import { validateAnalysis } from '../schema/validate.js';
import { parseTimelineJS } from './timelinejs.js';

describe('parseTimelineJS in the browser', () => {
  it('imports a TimelineJS file fetched over HTTP into a valid analysis of plain text', async () => {
    const text = await (await fetch('/test/fixtures/timelinejs/riverside-water.json')).text();
    const result = parseTimelineJS(text);
    expect(result.ok, JSON.stringify(!result.ok && result.error)).to.equal(true);
    if (!result.ok) return;
    expect(validateAnalysis(result.analysis).ok).to.equal(true);
    expect(result.analysis.statements).to.have.length(10);
    expect(JSON.stringify(result.analysis)).not.to.match(/<(b|p|script|style)\b|tracking pixel|&amp;/);
  });

  it('refuses a file whose events are not a list, with one clear message', () => {
    const result = parseTimelineJS('{"events": {"start_date": {"year": 2024}}}');
    expect(result.ok).to.equal(false);
    if (!result.ok)
      expect(result.error.message).to.equal('not a TimelineJS file: "events" must be a list, not an object');
  });
});
