/**
 * `newsroom-widgets/schema`: the analysis schema, its types and the validator,
 * with no elements attached (safe for Node, CMS form builders and build scripts).
 */
export * from './analysis.js';
export { validateAnalysis, parseAnalysis, formatPath } from './validate.js';
export type { AnalysisError, ErrorCode, ValidationIssue, ValidationResult } from './validate.js';
export { parsePartialDate, PARTIAL_DATE_PATTERN } from './dates.js';
export type { PartialDate, DatePrecision } from './dates.js';
export { citedIds, splitCitations, SOURCE_ID_PATTERN } from './citations.js';
export type { TextPart } from './citations.js';
