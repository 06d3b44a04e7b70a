import type { Analysis } from '../schema/analysis.js';

export interface NwReadyDetail {
  /** The validated analysis the element rendered. */
  analysis: Analysis;
}

/** Fired once each time an element renders a valid analysis. Bubbles and crosses shadow roots. */
export class NwReadyEvent extends CustomEvent<NwReadyDetail> {
  constructor(detail: NwReadyDetail) {
    super('nw-ready', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'nw-ready': NwReadyEvent;
  }
}
