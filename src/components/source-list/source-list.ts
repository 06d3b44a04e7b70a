import { defineElement } from '../../internal/define.js';
import { NwSourceList } from './source-list.component.js';

export { NwSourceList };
defineElement('nw-source-list', NwSourceList);

declare global {
  interface HTMLElementTagNameMap {
    'nw-source-list': NwSourceList;
  }
}
