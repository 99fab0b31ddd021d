// The side panels: summary bar, sources and pressures. Built with text nodes only.

import { h, formatCount, plural, shorten } from './dom.js';
import { SOURCE_TYPES, sourceStyle, typeLabel } from './labels.js';
import { claimant, pressureLine, roleLine, spanText } from './describe.js';

/** Attributed words by source type, in the fixed type order, with shares. */
export function wordShares(summary) {
  const byType = summary?.wordsByType ?? {};
  const total = Object.values(byType).reduce((a, b) => a + (Number(b) || 0), 0);
  const known = Object.keys(SOURCE_TYPES).filter((t) => byType[t] > 0);
  const extra = Object.keys(byType).filter((t) => !(t in SOURCE_TYPES) && byType[t] > 0);
  return {
    total,
    rows: [...known, ...extra].map((type) => ({ type, words: byType[type], share: total ? byType[type] / total : 0 })),
  };
}

function percent(share) {
  return `${Math.round(share * 100)}%`;
}

/** Fills the summary section: headline figures, a stacked bar and its legend. */
export function renderSummary(root, analysis) {
  const s = analysis.summary ?? {};
  const { total, rows } = wordShares(s);
  const anonymousShare = Number(s.anonymousShare) || 0;
  const figures = h(
    'ul',
    { class: 'figures' },
    h('li', {}, h('strong', {}, formatCount(s.sources ?? analysis.sources.length)), ' sources'),
    h('li', {}, h('strong', {}, formatCount(s.attributions ?? analysis.attributions.length)), ' statements'),
    h('li', {}, h('strong', {}, formatCount(analysis.pressures.length)), ' pressures'),
    h('li', {}, h('strong', {}, formatCount(s.attributedWords ?? total)), ' attributed words'),
  );
  if (!total) {
    root.replaceChildren(figures, h('p', { class: 'empty' }, 'No attributed words yet.'));
    return;
  }
  const label = rows.map((r) => `${typeLabel(r.type)} ${r.words} words (${percent(r.share)})`).join(', ');
  const bar = h('div', { class: 'bar', role: 'img', 'aria-label': `Attributed words by source type: ${label}` });
  for (const r of rows) {
    const seg = h('span', { class: `bar-seg type-${r.type}`, dataset: { type: r.type } });
    seg.style.width = `${(r.share * 100).toFixed(2)}%`;
    bar.append(seg);
  }
  const legend = h(
    'ul',
    { class: 'bar-legend' },
    rows.map((r) =>
      h('li', {}, h('span', { class: `key type-${r.type}`, 'aria-hidden': 'true' }), `${typeLabel(r.type)}: ${plural(r.words, 'word')} (${percent(r.share)})`),
    ),
  );
  const named = h(
    'p',
    { class: 'anon-line' },
    h('strong', {}, percent(1 - anonymousShare)),
    ' of attributed words come from named sources, ',
    h('strong', {}, percent(anonymousShare)),
    ` from anonymous or unnamed ones (${formatCount(s.namedPeople ?? 0)} named people, ${formatCount(s.unnamedSources ?? 0)} unnamed sources).`,
  );
  root.replaceChildren(figures, bar, legend, named);
}

/** How many cards a panel shows before a "Show all" button (long texts have thousands). */
export const PANEL_LIMIT = 60;

function showAll(kind, count) {
  return h('button', { type: 'button', class: 'show-all', dataset: { showAll: kind } }, `Show all ${formatCount(count)} ${kind}`);
}

/**
 * Fills the sources list; each source is a toggle button carrying `data-source`. Shows the
 * first `limit` sources and a "Show all" button for the rest.
 */
export function renderSources(root, text, analysis, selected, limit = PANEL_LIMIT) {
  if (!analysis.sources.length) {
    root.replaceChildren(h('p', { class: 'empty' }, 'No sources found.'));
    return;
  }
  const list = h('ol', { class: 'source-list' });
  analysis.sources.slice(0, limit).forEach((source, i) => {
    const style = sourceStyle(i);
    const meta = roleLine(source);
    const anonymity = spanText(text, source.anonymityMarker);
    list.append(
      h(
        'li',
        { dataset: { source: source.id, sourceType: source.type } },
        h(
          'button',
          {
            type: 'button',
            class: `source-card ${style.colour} ${style.underline}`,
            'aria-pressed': String(source.id === selected),
            dataset: { source: source.id, sourceType: source.type },
          },
          h('span', { class: 'swatch', 'aria-hidden': 'true' }, style.tag),
          h('span', { class: 'source-name' }, source.name || '(unnamed)'),
          h('span', { class: `badge type-${source.type}` }, typeLabel(source.type)),
          meta && h('span', { class: 'source-meta' }, meta),
          anonymity && h('span', { class: 'source-meta source-anon' }, `“${shorten(anonymity, 80)}”`),
          h('span', { class: 'source-counts' }, `${plural(source.statements ?? 0, 'statement')} · ${plural(source.words ?? 0, 'word')} · ${plural(source.mentions?.length ?? 0, 'mention')}`),
        ),
      ),
    );
  });
  root.replaceChildren(list);
  if (analysis.sources.length > limit) root.append(showAll('sources', analysis.sources.length));
}

/**
 * Fills the pressures list; each pressure is a button carrying `data-pressure`. Shows the
 * first `limit` and a "Show all" button for the rest.
 */
export function renderPressures(root, text, analysis, index, limit = PANEL_LIMIT) {
  if (!analysis.pressures.length) {
    root.replaceChildren(h('p', { class: 'empty' }, 'No claimed pressures found.'));
    return;
  }
  const list = h('ol', { class: 'pressure-list' });
  for (const p of analysis.pressures.slice(0, limit)) {
    const line = pressureLine(text, p);
    list.append(
      h(
        'li',
        { dataset: { pressure: p.id } },
        h(
          'button',
          { type: 'button', class: `pressure-card${p.negated ? ' negated' : ''}`, dataset: { pressure: p.id } },
          h(
            'span',
            { class: 'pressure-line' },
            h('span', { class: 'p-who' }, shorten(line.pressurers, 90)),
            h('span', { class: 'arrow', 'aria-hidden': 'true' }, ' → '),
            h('span', { class: 'visually-hidden' }, ' pushes '),
            h('span', { class: 'p-target' }, shorten(line.target, 60)),
            ': ',
            h('span', { class: 'p-demand' }, shorten(line.demand, 120)),
          ),
          h(
            'span',
            { class: 'pressure-meta' },
            p.negated && h('span', { class: 'badge denied' }, '✗ denied'),
            ` claimed by ${claimant(index, p)}`,
          ),
        ),
      ),
    );
  }
  root.replaceChildren(list);
  if (analysis.pressures.length > limit) root.append(showAll('pressures', analysis.pressures.length));
}
