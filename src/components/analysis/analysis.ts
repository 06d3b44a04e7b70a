import { defineElement } from '../../internal/define.js';
import { NwAnalysis } from './analysis.component.js';

export { NwAnalysis };
defineElement('nw-analysis', NwAnalysis);

declare global {
  interface HTMLElementTagNameMap {
    'nw-analysis': NwAnalysis;
  }
}
