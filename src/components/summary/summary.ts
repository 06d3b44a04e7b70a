import { defineElement } from '../../internal/define.js';
import { NwSummary } from './summary.component.js';

export { NwSummary };
defineElement('nw-summary', NwSummary);

declare global {
  interface HTMLElementTagNameMap {
    'nw-summary': NwSummary;
  }
}
