// Cuts a text into non-overlapping runs, each with the marks of an analysis that cover it,
// so that any UI can render highlights from plain strings (never from HTML).

/**
 * Every mark type, in the order used to break ties between marks with the same span
 * (outer first): a pressure clause contains its parts, a quote its words.
 */
export const MARK_TYPES = Object.freeze([
  'pressure',
  'quote',
  'demand',
  'target',
  'pressurer',
  'pressureCue',
  'mention',
  'speaker',
  'cue',
]);

const TYPE_RANK = new Map(MARK_TYPES.map((type, i) => [type, i]));

function isSpan(value) {
  return (
    value !== null &&
    typeof value === 'object' &&
    Number.isInteger(value.start) &&
    Number.isInteger(value.end)
  );
}

function isHighSurrogate(code) {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code) {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Clamps `i` into the text and moves it off the middle of a surrogate pair (to the pair's start). */
function boundary(text, i) {
  const at = Math.max(0, Math.min(i, text.length));
  if (at > 0 && at < text.length && isLowSurrogate(text.charCodeAt(at)) && isHighSurrogate(text.charCodeAt(at - 1))) {
    return at - 1;
  }
  return at;
}

/**
 * Lists every mark of an analysis: one per highlighted span.
 *
 * @param {import('./index.js').Analysis} analysis
 * @returns {{type: string, id: string, source: string | null, start: number, end: number}[]}
 */
export function marks(analysis) {
  const out = [];
  const push = (type, id, source, span) => {
    if (isSpan(span)) out.push({ type, id, source: source ?? null, start: span.start, end: span.end });
  };
  for (const a of analysis.attributions ?? []) {
    for (const piece of a.content ?? []) push('quote', a.id, a.source, piece);
    push('speaker', a.id, a.source, a.speaker);
    push('cue', a.id, a.source, a.cue);
  }
  for (const p of analysis.pressures ?? []) {
    push('pressure', p.id, p.claimedBy, p.span);
    push('pressureCue', p.id, p.claimedBy, p.cue);
    for (const who of p.pressurers ?? []) push('pressurer', p.id, p.claimedBy, who);
    push('target', p.id, p.claimedBy, p.target);
    push('demand', p.id, p.claimedBy, p.demand);
  }
  for (const s of analysis.sources ?? []) {
    for (const mention of s.mentions ?? []) push('mention', s.id, s.id, mention);
  }
  return out;
}

/**
 * Cuts `text` into runs that cover it from start to end without overlap; each run lists the
 * marks of `analysis` covering all of it, outermost first.
 *
 * @param {string} text the text that was analysed
 * @param {import('./index.js').Analysis} analysis what `analyze(text)` returned
 * @param {{types?: readonly string[]}} [options] keep only marks of these types
 * @returns {import('./index.js').Segment[]}
 */
export function segments(text, analysis, options = {}) {
  if (typeof text !== 'string') throw new TypeError('sourcelens.segments: text must be a string');
  if (analysis === null || typeof analysis !== 'object') {
    throw new TypeError('sourcelens.segments: analysis must be the object analyze() returned');
  }
  if (Number.isInteger(analysis.length) && analysis.length !== text.length) {
    throw new RangeError(
      `sourcelens.segments: the analysis is of a text of ${analysis.length} UTF-16 code units, ` +
        `this text has ${text.length}`,
    );
  }
  if (options === null || typeof options !== 'object') throw new TypeError('sourcelens.segments: options must be an object');
  let wanted = null;
  if (options.types !== undefined) {
    if (!Array.isArray(options.types) || options.types.some((t) => !TYPE_RANK.has(t))) {
      throw new TypeError(`sourcelens.segments: options.types must be an array of ${MARK_TYPES.join(', ')}`);
    }
    wanted = new Set(options.types);
  }

  const list = [];
  for (const m of marks(analysis)) {
    if (wanted && !wanted.has(m.type)) continue;
    const start = boundary(text, m.start);
    const end = boundary(text, m.end);
    if (start < end) list.push({ ...m, start, end });
  }
  list.sort(
    (x, y) =>
      x.start - y.start ||
      y.end - x.end ||
      TYPE_RANK.get(x.type) - TYPE_RANK.get(y.type) ||
      (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
  );

  const cuts = new Set([0, text.length]);
  for (const m of list) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);

  const runs = [];
  let active = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    active = active.filter((m) => m.end > start);
    while (next < list.length && list[next].start === start) active.push(list[next++]);
    // `active` stays in the sorted order: marks are added in order and only removed.
    runs.push({
      start,
      end,
      text: text.slice(start, end),
      layers: active.map((m) => ({ type: m.type, id: m.id, source: m.source, span: { start: m.start, end: m.end } })),
    });
  }
  return runs;
}
