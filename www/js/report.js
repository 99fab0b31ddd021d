// Exports: the analysis as JSON, and a plain-text sourcing report.

import { formatCount, plural, shorten } from './dom.js';
import { kindLabel, typeLabel } from './labels.js';
import { claimant, pressureLine, roleLine, spanText } from './describe.js';
import { wordShares } from './panels.js';

/** The analysis as pretty-printed JSON (the SCHEMA.md contract, as the engine returned it). */
export function analysisJson(analysis) {
  return `${JSON.stringify(analysis, null, 2)}\n`;
}

/** A plain-text report of who speaks in `text`, for pasting into notes or an email. */
export function sourcingReport(text, analysis, index) {
  const out = [];
  const s = analysis.summary ?? {};
  const words = (text.match(/\S+/g) ?? []).length;
  out.push(`Sourcing report (sourcelens ${analysis.version ?? ''})`.trim());
  out.push(`Text: ${plural(words, 'word')}, ${plural(analysis.sentences?.length ?? 0, 'sentence')}.`);
  out.push(
    `Found ${plural(analysis.sources.length, 'source')}, ${plural(analysis.attributions.length, 'statement')} ` +
      `and ${plural(analysis.pressures.length, 'claimed pressure')}.`,
  );
  const { total, rows } = wordShares(s);
  if (total) {
    out.push(`Attributed words: ${formatCount(total)}; ${Math.round((Number(s.anonymousShare) || 0) * 100)}% from anonymous or unnamed sources.`);
    for (const r of rows) out.push(`  ${typeLabel(r.type)}: ${formatCount(r.words)} words (${Math.round(r.share * 100)}%)`);
  }
  out.push('', 'SOURCES');
  if (!analysis.sources.length) out.push('  none found');
  analysis.sources.forEach((source, i) => {
    const meta = roleLine(source);
    out.push(`${i + 1}. ${source.name} — ${typeLabel(source.type)}${meta ? `; ${meta}` : ''}`);
    const anonymity = spanText(text, source.anonymityMarker);
    if (anonymity) out.push(`   anonymity: ${anonymity}`);
    out.push(`   ${plural(source.statements ?? 0, 'statement')}, ${plural(source.words ?? 0, 'word')}`);
    for (const a of analysis.attributions.filter((x) => x.source === source.id)) {
      out.push(`   - (${kindLabel(a.kind)}) ${statementText(text, a)}`);
    }
  });
  const orphans = analysis.attributions.filter((a) => !a.source || !index.sources.has(a.source));
  if (orphans.length) {
    out.push('', 'STATEMENTS WITH NO SOURCE FOUND');
    for (const a of orphans) out.push(`- (${kindLabel(a.kind)}) ${statementText(text, a)}`);
  }
  out.push('', 'CLAIMED PRESSURES');
  if (!analysis.pressures.length) out.push('  none found');
  analysis.pressures.forEach((p, i) => {
    const line = pressureLine(text, p);
    out.push(`${i + 1}. ${line.pressurers} → ${line.target}: ${line.demand}${p.negated ? ' [DENIED]' : ''}`);
    out.push(`   claimed by ${claimant(index, p)}`);
  });
  return `${out.join('\n')}\n`;
}

function statementText(text, attribution) {
  const pieces = (attribution.content ?? []).map((span) => spanText(text, span)).filter(Boolean);
  return shorten(pieces.join(' … '), 160);
}
