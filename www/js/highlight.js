// Turns an analysis into highlighted text: DOM elements built from text nodes only.
//
// Every highlight is an "item" (a quote piece, a speaker mention, a cue, a pressure or one of
// its parts) covering a span of UTF-16 code units, so `text.slice(start, end)` is its text.
// Items may nest or cross; the text is cut at every item boundary and each piece is wrapped
// in the items that cover it, outermost first. An item cut into several elements keeps one
// `data-item` key on all of them; the first carries `data-first` and takes keyboard focus,
// the last carries `data-last`.

import { sourceStyle } from './labels.js';

/** Layer names, as used by the toggles and `data-kind`. */
export const LAYERS = ['quote', 'speaker', 'cue', 'pressure'];

/** Nesting order when two items cover exactly the same text: smaller is outside. */
const RANK = { 'pressure:span': 0, quote: 1, 'pressure:pressurer': 2, 'pressure:target': 2, 'pressure:demand': 2, speaker: 3, 'speaker:anonymity': 3, cue: 4, 'pressure:cue': 4 };

/** Lookup tables over one analysis: sources, attributions and pressures by id. */
export function indexAnalysis(analysis) {
  const sources = new Map();
  const sourceOrder = new Map();
  (analysis.sources ?? []).forEach((s, i) => {
    sources.set(s.id, s);
    sourceOrder.set(s.id, i);
  });
  const attributions = new Map((analysis.attributions ?? []).map((a) => [a.id, a]));
  const pressures = new Map((analysis.pressures ?? []).map((p) => [p.id, p]));
  return { analysis, sources, sourceOrder, attributions, pressures };
}

/** A span clamped to the text, or null when it is missing, malformed or empty. */
export function cleanSpan(span, length) {
  if (!span || !Number.isInteger(span.start) || !Number.isInteger(span.end)) return null;
  const start = Math.max(0, Math.min(span.start, length));
  const end = Math.max(0, Math.min(span.end, length));
  return start < end ? { start, end } : null;
}

/**
 * Every item of the enabled layers, sorted by start. `layers` is a set of layer names.
 * Items: `{key, kind, part, start, end, source, attribution, pressure}`.
 */
export function collectItems(analysis, length, layers) {
  const items = [];
  const seen = new Set();
  const add = (span, item) => {
    const clean = cleanSpan(span, length);
    if (!clean) return;
    const dedupe = `${item.kind}:${item.part ?? ''}:${clean.start}:${clean.end}`;
    if (seen.has(dedupe)) return;
    seen.add(dedupe);
    items.push({ part: null, source: null, attribution: null, pressure: null, ...item, ...clean });
  };
  const attributions = analysis.attributions ?? [];
  const sources = analysis.sources ?? [];
  const pressures = analysis.pressures ?? [];
  if (layers.has('quote')) {
    for (const a of attributions) {
      (a.content ?? []).forEach((span, i) =>
        add(span, { key: `${a.id}:${i}`, kind: 'quote', source: a.source, attribution: a.id }),
      );
    }
  }
  if (layers.has('speaker')) {
    // Speakers next to a cue first, so that a mention that is also a speaker keeps its attribution.
    for (const a of attributions) {
      add(a.speaker, { key: `${a.id}:speaker`, kind: 'speaker', source: a.source, attribution: a.id });
    }
    for (const s of sources) {
      (s.mentions ?? []).forEach((span, i) => add(span, { key: `${s.id}:m${i}`, kind: 'speaker', source: s.id }));
      add(s.anonymityMarker, { key: `${s.id}:anonymity`, kind: 'speaker', part: 'anonymity', source: s.id });
    }
  }
  if (layers.has('cue')) {
    for (const a of attributions) {
      add(a.cue, { key: `${a.id}:cue`, kind: 'cue', source: a.source, attribution: a.id });
    }
  }
  if (layers.has('pressure')) {
    for (const p of pressures) {
      const base = { kind: 'pressure', source: p.claimedBy, pressure: p.id };
      add(p.span, { ...base, key: p.id, part: 'span' });
      add(p.cue, { ...base, key: `${p.id}:cue`, part: 'cue' });
      (p.pressurers ?? []).forEach((span, i) => add(span, { ...base, key: `${p.id}:pressurer${i}`, part: 'pressurer' }));
      add(p.target, { ...base, key: `${p.id}:target`, part: 'target' });
      add(p.demand, { ...base, key: `${p.id}:demand`, part: 'demand' });
    }
  }
  items.sort((x, y) => x.start - y.start || y.end - x.end || rank(x) - rank(y));
  return items;
}

function rank(item) {
  return RANK[item.part ? `${item.kind}:${item.part}` : item.kind] ?? 5;
}

/** Outer items first: earlier start, then longer, then by rank. */
function nestingOrder(x, y) {
  return x.start - y.start || y.end - x.end || rank(x) - rank(y) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
}

/**
 * Cuts `text` at every item boundary. Returns `[{start, end, items}]` covering the whole text,
 * `items` being the items that cover the piece, outermost first.
 */
export function segment(text, items) {
  const bounds = new Set([0, text.length]);
  for (const item of items) {
    bounds.add(item.start);
    bounds.add(item.end);
  }
  const cuts = [...bounds].sort((a, b) => a - b);
  const pieces = [];
  let next = 0; // index in items (sorted by start) of the first not yet active
  let active = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i];
    const end = cuts[i + 1];
    active = active.filter((item) => item.end > start);
    let added = false;
    while (next < items.length && items[next].start <= start) {
      if (items[next].end > start) {
        active.push(items[next]);
        added = true;
      }
      next++;
    }
    if (added) active.sort(nestingOrder);
    pieces.push({ start, end, items: active.slice() });
  }
  return pieces;
}

/**
 * Builds the highlighted text into `container` (emptied first), using only text nodes for
 * the text itself. Returns the first element of every item, in text order.
 */
export function renderHighlights(container, text, analysis, index, layers) {
  const doc = container.ownerDocument;
  const items = collectItems(analysis, text.length, layers);
  const pieces = segment(text, items);
  const fragment = doc.createDocumentFragment();
  const stack = []; // [{item, element}]
  const firsts = [];
  const close = (keep, at) => {
    while (stack.length > keep) {
      const { item, element } = stack.pop();
      if (item.end === at) element.dataset.last = '';
    }
  };
  let at = 0;
  for (const piece of pieces) {
    let keep = 0;
    while (keep < stack.length && keep < piece.items.length && stack[keep].item === piece.items[keep]) keep++;
    close(keep, at);
    for (let j = keep; j < piece.items.length; j++) {
      const item = piece.items[j];
      const element = itemElement(doc, item, index, item.start === piece.start);
      (stack.length ? stack[stack.length - 1].element : fragment).appendChild(element);
      stack.push({ item, element });
      if (item.start === piece.start) firsts.push(element);
    }
    const node = doc.createTextNode(text.slice(piece.start, piece.end));
    (stack.length ? stack[stack.length - 1].element : fragment).appendChild(node);
    at = piece.end;
  }
  close(0, at);
  container.replaceChildren(fragment);
  return firsts;
}

function itemElement(doc, item, index, first) {
  const el = doc.createElement('span');
  el.className = `hl hl-${item.kind}`;
  el.dataset.kind = item.kind;
  el.dataset.item = item.key;
  if (item.part) el.dataset.part = item.part;
  if (item.attribution) el.dataset.attribution = item.attribution;
  if (item.pressure) el.dataset.pressure = item.pressure;
  const order = item.source == null ? undefined : index.sourceOrder.get(item.source);
  if (order !== undefined) {
    const style = sourceStyle(order);
    el.dataset.source = item.source;
    el.classList.add(style.colour, style.underline);
    if (first && item.kind === 'quote') el.dataset.tag = style.tag;
  } else if (item.kind === 'quote') {
    el.classList.add('nosource');
    if (first) el.dataset.tag = '?';
  }
  if (first) {
    el.dataset.first = '';
    el.tabIndex = -1;
  }
  return el;
}
