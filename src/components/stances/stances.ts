import { defineElement } from '../../internal/define.js';
import { NwStances } from './stances.component.js';

export { NwStances };
defineElement('nw-stances', NwStances);

declare global {
  interface HTMLElementTagNameMap {
    'nw-stances': NwStances;
  }
}
