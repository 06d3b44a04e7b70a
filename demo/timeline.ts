// Timeline demo: a generated timeline (?n= sets its size, default 1,000) and one imported
// from a TimelineJS file with the library's own importer.
import timelineJs from '../test/fixtures/timelinejs/riverside-water.json?raw';
import { parseTimelineJS } from '../src/import/timelinejs.js';
import type { NwTimeline } from '../src/index.js';
import { generatedAnalysis } from './generate.js';

const imported = parseTimelineJS(timelineJs);
if (imported.ok) document.querySelector<NwTimeline>('#imported')!.analysis = imported.analysis;
document.querySelector<NwTimeline>('#generated')!.analysis = generatedAnalysis(
  Number(new URLSearchParams(location.search).get('n') ?? 1000),
);
await import('./settings.js');
