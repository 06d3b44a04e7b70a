import { defineElement } from '../../internal/define.js';
import { NwTimeline } from './timeline.component.js';

export { NwTimeline };
defineElement('nw-timeline', NwTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'nw-timeline': NwTimeline;
  }
}
