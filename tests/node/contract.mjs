// Checks an analysis against the JSON contract (eval/SCHEMA.md, js/index.d.ts) for a given
// text: shapes and enums, spans inside the text and never splitting a surrogate pair, ids in
// order, references that resolve, summary counts that agree with the lists. Shared by the
// tests of the module, of the worker, of the CLI and of the packed tarball.

import assert from 'node:assert/strict';

export const SOURCE_TYPES = [
  'named_person',
  'named_organization',
  'media_outlet',
  'document',
  'social_media',
  'anonymous_source',
  'unnamed_person',
  'unnamed_group',
];
export const ANONYMOUS_TYPES = ['anonymous_source', 'unnamed_person', 'unnamed_group'];
export const AFFILIATION_KINDS = [
  'government',
  'political',
  'military_security',
  'international',
  'business',
  'academic',
  'civil_society',
  'media',
  'religious',
  'legal',
  'citizen',
  'unknown',
];
export const ATTRIBUTION_KINDS = ['direct', 'indirect', 'mixed', 'according_to'];

const isLow = (c) => c >= 0xdc00 && c <= 0xdfff;
const isHigh = (c) => c >= 0xd800 && c <= 0xdbff;

/** Asserts that `span` is a non-empty `{start, end}` inside `text` on code point boundaries. */
export function assertSpan(text, span, where) {
  assert.equal(typeof span, 'object', `${where}: span must be an object`);
  assert.notEqual(span, null, `${where}: span must not be null`);
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${where}: start/end must be integers`);
  assert.ok(0 <= span.start && span.start < span.end && span.end <= text.length, `${where}: ${JSON.stringify(span)} outside 0..${text.length} or empty`);
  for (const at of [span.start, span.end]) {
    const splits = at > 0 && at < text.length && isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at));
    assert.ok(!splits, `${where}: ${JSON.stringify(span)} splits a surrogate pair at ${at}`);
  }
}

function assertNullableSpan(text, span, where) {
  if (span !== null) assertSpan(text, span, where);
}

function assertIds(list, prefix, where) {
  list.forEach((item, i) => assert.equal(item.id, `${prefix}${i + 1}`, `${where}[${i}].id`));
}

function assertEvidence(evidence, where) {
  if (evidence === undefined) return;
  assert.equal(typeof evidence.rule, 'string', `${where}.evidence.rule`);
  assert.ok(evidence.rule.length > 0, `${where}.evidence.rule must not be empty`);
  assert.equal(typeof evidence.detail, 'string', `${where}.evidence.detail`);
}

/** Asserts that `analysis` is a well-formed analysis of `text`. */
export function assertAnalysis(text, analysis) {
  assert.equal(typeof analysis, 'object');
  assert.equal(typeof analysis.version, 'string');
  assert.match(analysis.version, /^\d+\.\d+\.\d+/);
  assert.equal(analysis.length, text.length, 'length is text.length (UTF-16 code units)');
  for (const key of ['sentences', 'sources', 'attributions', 'pressures']) {
    assert.ok(Array.isArray(analysis[key]), `${key} must be an array`);
  }

  let previousEnd = 0;
  analysis.sentences.forEach((s, i) => {
    assertSpan(text, s, `sentences[${i}]`);
    assert.ok(s.start >= previousEnd, `sentences[${i}] overlaps the previous one`);
    previousEnd = s.end;
  });

  const sourceIds = new Set();
  assertIds(analysis.sources, 's', 'sources');
  analysis.sources.forEach((s, i) => {
    const where = `sources[${i}]`;
    sourceIds.add(s.id);
    assert.equal(typeof s.name, 'string', `${where}.name`);
    assert.ok(s.name.trim().length > 0, `${where}.name must not be blank`);
    assert.ok(SOURCE_TYPES.includes(s.type), `${where}.type ${s.type}`);
    assert.equal(s.anonymous, ANONYMOUS_TYPES.includes(s.type), `${where}.anonymous agrees with its type`);
    for (const key of ['role', 'affiliation']) {
      assert.ok(s[key] === null || typeof s[key] === 'string', `${where}.${key}`);
    }
    assert.ok(AFFILIATION_KINDS.includes(s.affiliationKind), `${where}.affiliationKind ${s.affiliationKind}`);
    assertNullableSpan(text, s.anonymityMarker, `${where}.anonymityMarker`);
    assert.ok(Array.isArray(s.mentions) && s.mentions.length > 0, `${where}.mentions must not be empty`);
    s.mentions.forEach((m, j) => assertSpan(text, m, `${where}.mentions[${j}]`));
    for (let j = 1; j < s.mentions.length; j++) {
      assert.ok(s.mentions[j - 1].start <= s.mentions[j].start, `${where}.mentions in text order`);
    }
    assert.ok(Number.isInteger(s.statements) && s.statements >= 0, `${where}.statements`);
    assert.ok(Number.isInteger(s.words) && s.words >= 0, `${where}.words`);
    assertEvidence(s.evidence, where);
  });

  assertIds(analysis.attributions, 'a', 'attributions');
  analysis.attributions.forEach((a, i) => {
    const where = `attributions[${i}]`;
    assert.ok(ATTRIBUTION_KINDS.includes(a.kind), `${where}.kind ${a.kind}`);
    assert.ok(a.source === null || sourceIds.has(a.source), `${where}.source ${a.source} must name a source`);
    assert.ok(Array.isArray(a.content) && a.content.length > 0, `${where}.content must not be empty`);
    a.content.forEach((c, j) => assertSpan(text, c, `${where}.content[${j}]`));
    assertNullableSpan(text, a.cue, `${where}.cue`);
    assertNullableSpan(text, a.speaker, `${where}.speaker`);
    assertEvidence(a.evidence, where);
  });
  for (const s of analysis.sources) {
    const count = analysis.attributions.filter((a) => a.source === s.id).length;
    assert.equal(s.statements, count, `source ${s.id}.statements counts its attributions`);
  }

  assertIds(analysis.pressures, 'p', 'pressures');
  analysis.pressures.forEach((p, i) => {
    const where = `pressures[${i}]`;
    assertSpan(text, p.span, `${where}.span`);
    assertNullableSpan(text, p.cue, `${where}.cue`);
    assert.ok(Array.isArray(p.pressurers), `${where}.pressurers`);
    p.pressurers.forEach((x, j) => assertSpan(text, x, `${where}.pressurers[${j}]`));
    assertNullableSpan(text, p.target, `${where}.target`);
    assertNullableSpan(text, p.demand, `${where}.demand`);
    assert.ok(p.claimedBy === null || sourceIds.has(p.claimedBy), `${where}.claimedBy ${p.claimedBy} must name a source`);
    assert.equal(typeof p.negated, 'boolean', `${where}.negated`);
    assertEvidence(p.evidence, where);
  });

  const sum = analysis.summary;
  assert.equal(typeof sum, 'object');
  assert.equal(sum.sources, analysis.sources.length, 'summary.sources');
  assert.equal(sum.attributions, analysis.attributions.length, 'summary.attributions');
  const byType = {};
  for (const s of analysis.sources) byType[s.type] = (byType[s.type] ?? 0) + 1;
  assert.deepEqual(sum.sourcesByType, byType, 'summary.sourcesByType');
  assert.equal(sum.namedPeople, byType.named_person ?? 0, 'summary.namedPeople');
  assert.equal(
    sum.unnamedSources,
    ANONYMOUS_TYPES.reduce((n, t) => n + (byType[t] ?? 0), 0),
    'summary.unnamedSources',
  );
  for (const key of ['attributedWords', 'anonymousWords']) {
    assert.ok(Number.isInteger(sum[key]) && sum[key] >= 0, `summary.${key}`);
  }
  assert.ok(sum.anonymousWords <= sum.attributedWords, 'summary.anonymousWords <= attributedWords');
  const share = sum.attributedWords === 0 ? 0 : sum.anonymousWords / sum.attributedWords;
  assert.ok(Math.abs(sum.anonymousShare - share) < 1e-9, 'summary.anonymousShare');
  for (const [type, words] of Object.entries(sum.wordsByType)) {
    assert.ok(type === 'unknown' || SOURCE_TYPES.includes(type), `summary.wordsByType key ${type}`);
    assert.ok(Number.isInteger(words) && words >= 0, `summary.wordsByType.${type}`);
  }
}
