import { defineElement } from '../../internal/define.js';
import { NwCite } from './cite.component.js';

export { NwCite };
defineElement('nw-cite', NwCite);

declare global {
  interface HTMLElementTagNameMap {
    'nw-cite': NwCite;
  }
}
