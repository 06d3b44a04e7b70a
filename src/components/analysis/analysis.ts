import { defineElement } from '../../internal/define.js';
// The elements nw-analysis composes are registered with it, here, not by its class module,
// so importing the class from 'newsroom-widgets' registers nothing.
import '../source-list/source-list.js';
import '../stances/stances.js';
import '../summary/summary.js';
import '../timeline/timeline.js';
import { NwAnalysis } from './analysis.component.js';

export { NwAnalysis };
defineElement('nw-analysis', NwAnalysis);

declare global {
  interface HTMLElementTagNameMap {
    'nw-analysis': NwAnalysis;
  }
}
