export interface NwFilterChangeDetail {
  /** Ids of the actors whose statements are shown now; empty means none. */
  actors: string[];
}

/** Fired by <nw-timeline> when a reader changes which actors it shows. Bubbles and crosses shadow roots. */
export class NwFilterChangeEvent extends CustomEvent<NwFilterChangeDetail> {
  constructor(detail: NwFilterChangeDetail) {
    super('nw-filter-change', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'nw-filter-change': NwFilterChangeEvent;
  }
}
