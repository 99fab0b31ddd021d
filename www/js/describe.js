// Plain-language descriptions of sources, attributions and pressures, shared by the
// tooltips, the panels and the text report.

import { affiliationKindLabel, kindLabel, typeLabel } from './labels.js';
import { cleanSpan } from './highlight.js';

/** The text under `span`, or null. */
export function spanText(text, span) {
  const clean = cleanSpan(span, text.length);
  return clean ? text.slice(clean.start, clean.end) : null;
}

/** "role · affiliation (kind)", or null when the text says neither. */
export function roleLine(source) {
  const parts = [];
  if (source.role) parts.push(source.role);
  if (source.affiliation) {
    const kindName = source.affiliationKind && source.affiliationKind !== 'unknown' ? affiliationKindLabel(source.affiliationKind) : null;
    const kind = kindName && kindName.toLowerCase() !== source.affiliation.toLowerCase() ? ` (${kindName})` : '';
    parts.push(`${source.affiliation}${kind}`);
  } else if (source.affiliationKind && source.affiliationKind !== 'unknown') {
    parts.push(affiliationKindLabel(source.affiliationKind));
  }
  return parts.length ? parts.join(' · ') : null;
}

/** "rule-name: detail", or null. */
export function ruleLine(evidence) {
  if (!evidence?.rule) return null;
  return evidence.detail ? `${evidence.rule}: ${evidence.detail}` : evidence.rule;
}

/** Rows `[label, value]` describing a source (values may be null and are then left out). */
export function sourceRows(text, source) {
  return [
    ['Source type', typeLabel(source.type) + (source.anonymous ? ' (anonymous)' : '')],
    ['Role', source.role],
    ['Affiliation', roleLine({ ...source, role: null })],
    ['Anonymity', spanText(text, source.anonymityMarker)],
  ];
}

/** "who → whom: what", with a dash for missing parts. */
export function pressureLine(text, pressure) {
  const who = (pressure.pressurers ?? []).map((s) => spanText(text, s)).filter(Boolean);
  const target = spanText(text, pressure.target);
  const demand = spanText(text, pressure.demand);
  return {
    pressurers: who.length ? who.join(', ') : 'unnamed',
    target: target ?? 'unspecified',
    demand: demand ?? 'unspecified',
  };
}

/** Who claims a pressure: the source's name, or the writer. */
export function claimant(index, pressure) {
  if (!pressure.claimedBy) return 'the writer';
  return index.sources.get(pressure.claimedBy)?.name ?? pressure.claimedBy;
}

/**
 * The tooltip of a highlighted element: `{title, rows}` where rows are `[label, value]`.
 * `el` carries `data-kind`, `data-item` and the ids of what it belongs to.
 */
export function describeElement(text, index, el) {
  const kind = el.dataset.kind;
  const source = el.dataset.source ? index.sources.get(el.dataset.source) : null;
  const attribution = el.dataset.attribution ? index.attributions.get(el.dataset.attribution) : null;
  if (kind === 'pressure') {
    const p = index.pressures.get(el.dataset.pressure);
    if (!p) return { title: 'Pressure', rows: [] };
    const line = pressureLine(text, p);
    const part = { span: 'the claim', cue: 'pressure words', pressurer: 'who pushes', target: 'who is pushed', demand: 'the demand' }[el.dataset.part];
    return {
      title: `${p.negated ? 'Denied pressure' : 'Claimed pressure'}${part ? ` — ${part}` : ''}`,
      rows: [
        ['Who pushes', line.pressurers],
        ['Who is pushed', line.target],
        ['Demand', line.demand],
        ['Claimed by', claimant(index, p)],
        ['Denied', p.negated ? 'yes, the text denies this pressure' : null],
        ['Cue', spanText(text, p.cue)],
        ['Rule', ruleLine(p.evidence)],
      ],
    };
  }
  const speakerRows = source
    ? [['Speaker', source.name], ...sourceRows(text, source)]
    : [['Speaker', 'no source found']];
  if (kind === 'quote' || kind === 'cue') {
    return {
      title: kind === 'quote' ? `Statement — ${kindLabel(attribution?.kind)}` : 'Cue',
      rows: [
        ...speakerRows,
        ['Speaker mention', spanText(text, attribution?.speaker)],
        ['Cue', spanText(text, attribution?.cue) ?? (attribution ? 'none (continues the previous speaker)' : null)],
        ['Rule', ruleLine(attribution?.evidence)],
      ],
    };
  }
  // speaker mention or anonymity marker
  return {
    title: el.dataset.part === 'anonymity' ? 'Anonymity marker' : 'Speaker',
    rows: [
      ...speakerRows,
      ['Statements', source ? `${source.statements ?? 0} (${source.words ?? 0} words)` : null],
      ['Cue', spanText(text, attribution?.cue)],
      ['Rule', ruleLine(attribution?.evidence ?? source?.evidence)],
      ['Type rule', attribution && source?.evidence ? ruleLine(source.evidence) : null],
    ],
  };
}
