import type { AnalysisError } from '../schema/validate.js';

/**
 * `{ code, message, issues? }`: code is fetch | json | schema | reference | not-found |
 * unsupported-version | render (the element failed while rendering: a bug of ours, not the document's).
 */
export type NwErrorDetail = AnalysisError;

/** Fired once each time an element enters its error state. Bubbles and crosses shadow roots. */
export class NwErrorEvent extends CustomEvent<NwErrorDetail> {
  constructor(detail: NwErrorDetail) {
    super('nw-error', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'nw-error': NwErrorEvent;
  }
}
