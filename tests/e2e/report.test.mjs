// The words the page uses: tooltip rows, panel lines and the plain-text sourcing report,
// from a small hand-made analysis of a text of my own.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { claimant, pressureLine, roleLine, ruleLine, spanText } from '../../www/js/describe.js';
import { indexAnalysis } from '../../www/js/highlight.js';
import { wordShares } from '../../www/js/panels.js';
import { analysisJson, sourcingReport } from '../../www/js/report.js';

const TEXT = '"We will not close the clinic," Dr Maya Osei said. Officials urged the board to reconsider.';
const at = (words, from = 0) => {
  const start = TEXT.indexOf(words, from);
  assert.ok(start >= 0, words);
  return { start, end: start + words.length };
};
const ANALYSIS = {
  version: '0.0.0-test',
  length: TEXT.length,
  sentences: [at('"We will not close the clinic," Dr Maya Osei said.'), at('Officials urged the board to reconsider.')],
  sources: [
    {
      id: 's1', name: 'Maya Osei', type: 'named_person', anonymous: false, role: 'doctor', affiliation: 'the clinic',
      affiliationKind: 'civil_society', anonymityMarker: null, mentions: [at('Dr Maya Osei')], statements: 1, words: 6,
      evidence: { rule: 'named-person', detail: 'a personal name' },
    },
  ],
  attributions: [
    {
      id: 'a1', kind: 'direct', source: 's1', content: [at('"We will not close the clinic,"')], cue: at('said'),
      speaker: at('Dr Maya Osei'), evidence: { rule: 'quote-speaker-cue', detail: 'quotation followed by its speaker' },
    },
  ],
  pressures: [
    {
      id: 'p1', span: at('Officials urged the board to reconsider'), cue: at('urged'), pressurers: [at('Officials')],
      target: at('the board'), demand: at('reconsider'), claimedBy: null, negated: false,
    },
  ],
  summary: { sources: 1, attributions: 1, wordsByType: { named_person: 6, unknown: 2 }, attributedWords: 8, anonymousShare: 0.25 },
};
const INDEX = indexAnalysis(ANALYSIS);

describe('descriptions', () => {
  const roles = [
    [{ role: 'doctor', affiliation: 'the clinic', affiliationKind: 'civil_society' }, 'doctor · the clinic (civil society)'],
    [{ role: null, affiliation: 'Government', affiliationKind: 'government' }, 'Government'],
    [{ role: null, affiliation: null, affiliationKind: 'media' }, 'media'],
    [{ role: 'mayor', affiliation: null, affiliationKind: 'unknown' }, 'mayor'],
    [{ role: null, affiliation: null, affiliationKind: 'unknown' }, null],
  ];
  for (const [source, expected] of roles) {
    test(`roleLine(${JSON.stringify(source)})`, () => assert.equal(roleLine(source), expected));
  }
  const rules = [
    [{ rule: 'according-to', detail: 'names the source' }, 'according-to: names the source'],
    [{ rule: 'follow-on-quote', detail: '' }, 'follow-on-quote'],
    [null, null],
  ];
  for (const [evidence, expected] of rules) {
    test(`ruleLine(${JSON.stringify(evidence)})`, () => assert.equal(ruleLine(evidence), expected));
  }
  test('spanText reads UTF-16 spans and refuses bad ones', () => {
    assert.equal(spanText('a 🙂 b', { start: 2, end: 4 }), '🙂');
    assert.equal(spanText('abc', { start: 2, end: 2 }), null);
    assert.equal(spanText('abc', null), null);
  });
  test('a pressure reads "who → whom: what", and the writer claims it when no source does', () => {
    assert.deepEqual(pressureLine(TEXT, ANALYSIS.pressures[0]), { pressurers: 'Officials', target: 'the board', demand: 'reconsider' });
    assert.deepEqual(pressureLine(TEXT, { pressurers: [], target: null, demand: null }), { pressurers: 'unnamed', target: 'unspecified', demand: 'unspecified' });
    assert.equal(claimant(INDEX, ANALYSIS.pressures[0]), 'the writer');
    assert.equal(claimant(INDEX, { claimedBy: 's1' }), 'Maya Osei');
  });
  test('word shares follow the type order, unknown last', () => {
    const { total, rows } = wordShares(ANALYSIS.summary);
    assert.equal(total, 8);
    assert.deepEqual(rows.map((r) => [r.type, r.words, r.share]), [['named_person', 6, 0.75], ['unknown', 2, 0.25]]);
    assert.deepEqual(wordShares(undefined), { total: 0, rows: [] });
  });
});

describe('exports', () => {
  test('the JSON export is the analysis itself', () => {
    assert.deepEqual(JSON.parse(analysisJson(ANALYSIS)), ANALYSIS);
  });
  test('the sourcing report lists sources with their statements, and pressures with their claimant', () => {
    const report = sourcingReport(TEXT, ANALYSIS, INDEX);
    const expected = [
      'Sourcing report (sourcelens 0.0.0-test)',
      'Found 1 source, 1 statement and 1 claimed pressure.',
      'Attributed words: 8; 25% from anonymous or unnamed sources.',
      '1. Maya Osei — named person; doctor · the clinic (civil society)',
      '   - (direct quote) "We will not close the clinic,"',
      '1. Officials → the board: reconsider',
      '   claimed by the writer',
    ];
    for (const line of expected) assert.ok(report.split('\n').includes(line), `report has: ${line}\n${report}`);
  });
  test('an empty analysis gives a short report, not an error', () => {
    const empty = { version: '1', sentences: [], sources: [], attributions: [], pressures: [], summary: {} };
    const report = sourcingReport('', empty, indexAnalysis(empty));
    assert.match(report, /Found 0 sources, 0 statements and 0 claimed pressures\./);
    assert.match(report, /none found/);
  });
});
