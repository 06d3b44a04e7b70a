import { defineElement } from '../../internal/define.js';
import { NwStanceCard } from './stance-card.component.js';

export { NwStanceCard };
defineElement('nw-stance-card', NwStanceCard);

declare global {
  interface HTMLElementTagNameMap {
    'nw-stance-card': NwStanceCard;
  }
}
