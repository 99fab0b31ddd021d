// Turns an analysis into highlighted text: DOM elements built from text nodes only.
//
// Every highlight is an "item" (a quote piece, a speaker mention, a cue, a pressure or one of
// its parts) covering a span of UTF-16 code units, so `text.slice(start, end)` is its text.
// Items may nest or cross; the text is cut at every item boundary and each piece is wrapped
// in the items that cover it, outermost first. An item cut into several elements keeps one
// `data-item` key on all of them; the first carries `data-first` and takes keyboard focus,
// the last carries `data-last`.

import { sourceStyle } from './labels.js';

/** Lines per block of the highlighted text (each block can skip rendering when off-screen). */
const LINES_PER_BLOCK = 64;

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
 * Cuts `text` at every item boundary and line start, lazily. Yields `{start, end, items}`
 * covering the whole text in order, `items` being the items that cover the piece, outermost
 * first. `items` must be sorted by start (as {@link collectItems} returns them).
 */
export function* segments(text, items) {
  const bounds = new Set([0, text.length]);
  for (const start of lineStarts(text)) bounds.add(start);
  for (const item of items) {
    bounds.add(item.start);
    bounds.add(item.end);
  }
  const cuts = [...bounds].sort((a, b) => a - b);
  let next = 0; // index in items of the first not yet active
  let active = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i];
    const end = cuts[i + 1];
    if (active.some((item) => item.end <= start)) active = active.filter((item) => item.end > start);
    let added = false;
    while (next < items.length && items[next].start <= start) {
      if (items[next].end > start) {
        active.push(items[next]);
        added = true;
      }
      next++;
    }
    if (added) active.sort(nestingOrder);
    yield { start, end, items: active.slice() };
  }
}

/** All of {@link segments} as an array. */
export function segment(text, items) {
  return [...segments(text, items)];
}

/** Offsets where a line starts (after each line feed), in order; 0 is left out. */
export function lineStarts(text) {
  const starts = [];
  for (let i = text.indexOf('\n'); i >= 0 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * Draws the highlighted text into `container`, a slice at a time, so that a long text never
 * blocks the page: call `step(budgetMs)` until it returns true. The first step empties the
 * container; the text itself only ever goes into text nodes. Each line is its own block (a
 * long text lays out line by line and off-screen lines can skip rendering); an item spanning
 * lines is cut at each line break. `firsts` collects the first element of every item, in
 * text order, as they are drawn.
 */
export function highlightRenderer(container, text, analysis, index, layers) {
  const doc = container.ownerDocument;
  const items = collectItems(analysis, text.length, layers);
  const pieces = segments(text, items);
  const lines = new Set(lineStarts(text));
  const templates = new Map(); // item -> span to clone
  const stack = []; // [{item, element}]
  const firsts = [];
  let line = null;
  let block = null; // lines are grouped so that off-screen groups skip layout as a whole
  let lineCount = 0;
  let at = 0;
  let started = false;
  let done = false;

  const close = (keep) => {
    while (stack.length > keep) {
      const { item, element } = stack.pop();
      if (item.end === at) element.setAttribute('data-last', '');
    }
  };
  const open = (item, first) => {
    let template = templates.get(item);
    if (!template) {
      template = itemTemplate(doc, item, index);
      templates.set(item, template);
    }
    const element = template.cloneNode(false);
    if (first) {
      element.setAttribute('data-first', '');
      element.tabIndex = -1;
      if (item.kind === 'quote') element.setAttribute('data-tag', template.dataset.source ? sourceStyle(index.sourceOrder.get(item.source)).tag : '?');
      firsts.push(element);
    }
    return element;
  };

  function step(budgetMs = Infinity) {
    const deadline = performance.now() + budgetMs;
    const fragment = doc.createDocumentFragment();
    // New lines are built detached and attached at the end of the step, in one go.
    let count = 0;
    while (!done) {
      const { value: piece, done: finished } = pieces.next();
      if (finished) {
        done = true;
        break;
      }
      let keep = 0;
      if (!line || lines.has(piece.start)) {
        close(0);
        if (!block || lineCount % LINES_PER_BLOCK === 0) {
          block = doc.createElement('div');
          block.className = 'lines';
          fragment.appendChild(block);
        }
        lineCount++;
        line = doc.createElement('div');
        line.className = 'line';
        block.appendChild(line);
      } else {
        while (keep < stack.length && keep < piece.items.length && stack[keep].item === piece.items[keep]) keep++;
        close(keep);
      }
      for (let j = keep; j < piece.items.length; j++) {
        const item = piece.items[j];
        const element = open(item, item.start === piece.start);
        (stack.length ? stack[stack.length - 1].element : line).appendChild(element);
        stack.push({ item, element });
      }
      (stack.length ? stack[stack.length - 1].element : line).appendChild(doc.createTextNode(text.slice(piece.start, piece.end)));
      at = piece.end;
      if ((++count & 63) === 0 && performance.now() > deadline) break;
    }
    if (done) close(0);
    if (!started) {
      container.replaceChildren(fragment);
      started = true;
    } else {
      container.appendChild(fragment);
    }
    return done;
  }

  return { step, firsts, progress: () => (text.length ? at / text.length : 1) };
}

/** Draws the whole highlighted text at once; returns the first element of every item. */
export function renderHighlights(container, text, analysis, index, layers) {
  const renderer = highlightRenderer(container, text, analysis, index, layers);
  renderer.step();
  return renderer.firsts;
}

/** The span every element of `item` is cloned from: kind, ids and colour classes. */
function itemTemplate(doc, item, index) {
  const el = doc.createElement('span');
  let className = `hl hl-${item.kind}`;
  el.setAttribute('data-kind', item.kind);
  el.setAttribute('data-item', item.key);
  if (item.part) el.setAttribute('data-part', item.part);
  if (item.attribution) el.setAttribute('data-attribution', item.attribution);
  if (item.pressure) el.setAttribute('data-pressure', item.pressure);
  const order = item.source == null ? undefined : index.sourceOrder.get(item.source);
  if (order !== undefined) {
    const style = sourceStyle(order);
    el.setAttribute('data-source', item.source);
    className += ` ${style.colour} ${style.underline}`;
  } else if (item.kind === 'quote') {
    className += ' nosource';
  }
  el.className = className;
  return el;
}
