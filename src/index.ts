/**
 * `newsroom-widgets`: classes and types, with no side effects (nothing is registered).
 * Import `newsroom-widgets/define` or a single element's entry to register elements.
 */
export * from './schema/index.js';
export { NwElement, type ElementState } from './internal/nw-element.js';
export { setFetchTimeout } from './internal/data/shared-fetch.js';
export { registerLocale } from './internal/i18n/locale.js';
export type { LocaleMessages, Messages } from './internal/i18n/messages.js';
export { NwSummary } from './components/summary/summary.component.js';
export { NwStanceCard } from './components/stance-card/stance-card.component.js';
export { NwStances } from './components/stances/stances.component.js';
export { NwSourceList } from './components/source-list/source-list.component.js';
export { NwCite } from './components/cite/cite.component.js';
export { NwAnalysis } from './components/analysis/analysis.component.js';
export { NwTimeline } from './components/timeline/timeline.component.js';
export { orderStatements, type TimelineOrder } from './components/timeline/timeline-order.js';
export { NwFilterChangeEvent, type NwFilterChangeDetail } from './events/nw-filter-change.js';
export { NwReadyEvent, type NwReadyDetail } from './events/nw-ready.js';
export { NwErrorEvent, type NwErrorDetail } from './events/nw-error.js';
export { VERSION } from './version.js';
export { analysisJsonLd, jsonLdScript, type AnalysisJsonLdOptions } from './jsonld/analysis-jsonld.js';
