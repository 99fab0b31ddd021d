// One shared tooltip for the highlighted text, shown on hover and on keyboard focus.

import { h } from './dom.js';

/** Controls the tooltip element `tip` (role="tooltip"). */
export class Tooltip {
  #tip;
  #owner = null;

  constructor(tip) {
    this.#tip = tip;
  }

  /** The element the tooltip currently describes, or null. */
  get owner() {
    return this.#owner;
  }

  /** Shows `{title, rows}` next to `el`; rows with an empty value are left out. */
  show(el, { title, rows }) {
    if (this.#owner && this.#owner !== el) this.#owner.removeAttribute('aria-describedby');
    this.#owner = el;
    const list = h('dl');
    for (const [label, value] of rows) {
      if (value == null || value === '') continue;
      list.append(h('dt', {}, label), h('dd', {}, String(value)));
    }
    this.#tip.replaceChildren(h('p', { class: 'tip-title' }, title), list);
    this.#tip.hidden = false;
    el.setAttribute('aria-describedby', this.#tip.id);
    this.#place(el);
  }

  /** Hides the tooltip (only if it belongs to `el`, when given). */
  hide(el) {
    if (el && el !== this.#owner) return;
    this.#owner?.removeAttribute('aria-describedby');
    this.#owner = null;
    this.#tip.hidden = true;
  }

  /** Moves the tooltip back next to its element (after a scroll or resize). */
  reposition() {
    if (!this.#owner) return;
    if (!this.#owner.isConnected) this.hide();
    else this.#place(this.#owner);
  }

  #place(el) {
    const tip = this.#tip;
    const rects = el.getClientRects();
    const anchor = rects.length ? rects[0] : el.getBoundingClientRect();
    const margin = 8;
    const width = tip.offsetWidth;
    const height = tip.offsetHeight;
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    let left = Math.min(Math.max(margin, anchor.left), Math.max(margin, vw - width - margin));
    let top = anchor.bottom + 6;
    if (top + height > vh - margin && anchor.top - height - 6 > margin) top = anchor.top - height - 6;
    tip.style.left = `${Math.round(left)}px`;
    tip.style.top = `${Math.round(top)}px`;
  }
}
