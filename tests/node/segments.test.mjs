// segments(): cutting a text into runs with the marks covering them. Table-driven on
// hand-made analyses (independent of the engine), then properties on real analyses.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, marks, MARK_TYPES, segments } from '../../js/node.js';
import { SAMPLES, longText } from './texts.mjs';

/** A minimal analysis object around the given parts. */
function analysisOf(text, parts = {}) {
  return { version: '0.0.0', length: text.length, sentences: [], sources: [], attributions: [], pressures: [], ...parts };
}

/** Finds the UTF-16 span of `needle` in `text` (the `nth` occurrence). */
function at(text, needle, nth = 0) {
  let from = 0;
  let start = -1;
  for (let i = 0; i <= nth; i++) {
    start = text.indexOf(needle, from);
    assert.ok(start >= 0, `"${needle}" not in the text`);
    from = start + 1;
  }
  return { start, end: start + needle.length };
}

/** Runs as `[text, 'type:id,type:id']` pairs: compact enough to read in a table. */
function compact(runs) {
  return runs.map((r) => [r.text, r.layers.map((l) => `${l.type}:${l.id}`).join(',')]);
}

const QUOTE = '“Bridges 🌉 stay open,” the mayor said.';
const ARABIC = 'قال الوزير “لن نتراجع” اليوم 👍🏽';
const PRESSURE = 'Unions urged the board to add a crossing.';

const CASES = [
  {
    name: 'no marks: one run, the whole text',
    text: 'Nothing to see.',
    analysis: (t) => analysisOf(t),
    runs: [['Nothing to see.', '']],
  },
  {
    name: 'empty text: no runs',
    text: '',
    analysis: (t) => analysisOf(t),
    runs: [],
  },
  {
    name: 'quote with an emoji, speaker and cue; mention nested in speaker',
    text: QUOTE,
    analysis: (t) =>
      analysisOf(t, {
        sources: [{ id: 's1', mentions: [at(t, 'mayor')] }],
        attributions: [
          { id: 'a1', kind: 'direct', source: 's1', content: [at(t, '“Bridges 🌉 stay open,”')], cue: at(t, 'said'), speaker: at(t, 'the mayor') },
        ],
      }),
    runs: [
      ['“Bridges 🌉 stay open,”', 'quote:a1'],
      [' ', ''],
      ['the ', 'speaker:a1'],
      ['mayor', 'speaker:a1,mention:s1'],
      [' ', ''],
      ['said', 'cue:a1'],
      ['.', ''],
    ],
  },
  {
    name: 'Arabic text, quote in curly quotes, emoji with a skin tone at the end',
    text: ARABIC,
    analysis: (t) =>
      analysisOf(t, {
        sources: [{ id: 's1', mentions: [at(t, 'الوزير')] }],
        attributions: [{ id: 'a1', kind: 'direct', source: 's1', content: [at(t, '“لن نتراجع”')], cue: at(t, 'قال'), speaker: at(t, 'الوزير') }],
      }),
    runs: [
      ['قال', 'cue:a1'],
      [' ', ''],
      ['الوزير', 'mention:s1,speaker:a1'],
      [' ', ''],
      ['“لن نتراجع”', 'quote:a1'],
      [' اليوم 👍🏽', ''],
    ],
  },
  {
    name: 'a pressure with its parts, claimed by the writer',
    text: PRESSURE,
    analysis: (t) =>
      analysisOf(t, {
        pressures: [
          {
            id: 'p1',
            span: at(t, PRESSURE.slice(0, -1)),
            cue: at(t, 'urged'),
            pressurers: [at(t, 'Unions')],
            target: at(t, 'the board'),
            demand: at(t, 'add a crossing'),
            claimedBy: null,
            negated: false,
          },
        ],
      }),
    runs: [
      ['Unions', 'pressure:p1,pressurer:p1'],
      [' ', 'pressure:p1'],
      ['urged', 'pressure:p1,pressureCue:p1'],
      [' ', 'pressure:p1'],
      ['the board', 'pressure:p1,target:p1'],
      [' to ', 'pressure:p1'],
      ['add a crossing', 'pressure:p1,demand:p1'],
      ['.', ''],
    ],
  },
  {
    name: 'overlapping (not nested) marks cut each other',
    text: 'abcdef',
    analysis: (t) =>
      analysisOf(t, {
        attributions: [
          { id: 'a1', source: null, content: [{ start: 0, end: 4 }], cue: null, speaker: null },
          { id: 'a2', source: null, content: [{ start: 2, end: 6 }], cue: null, speaker: null },
        ],
      }),
    runs: [
      ['ab', 'quote:a1'],
      ['cd', 'quote:a1,quote:a2'],
      ['ef', 'quote:a2'],
    ],
  },
  {
    name: 'a quote in two pieces',
    text: '"One," he said, "two."',
    analysis: (t) =>
      analysisOf(t, {
        attributions: [{ id: 'a1', source: null, content: [at(t, '"One,"'), at(t, '"two."')], cue: at(t, 'said'), speaker: at(t, 'he') }],
      }),
    runs: [
      ['"One,"', 'quote:a1'],
      [' ', ''],
      ['he', 'speaker:a1'],
      [' ', ''],
      ['said', 'cue:a1'],
      [', ', ''],
      ['"two."', 'quote:a1'],
    ],
  },
  {
    name: 'spans past the end are clipped, empty and reversed spans dropped',
    text: 'abc',
    analysis: (t) =>
      analysisOf(t, {
        attributions: [
          { id: 'a1', source: null, content: [{ start: 1, end: 99 }], cue: { start: 2, end: 2 }, speaker: { start: 2, end: 1 } },
        ],
      }),
    runs: [
      ['a', ''],
      ['bc', 'quote:a1'],
    ],
  },
  {
    name: 'a boundary inside a surrogate pair moves to the start of the pair',
    text: 'a🌉b',
    analysis: (t) =>
      analysisOf(t, { attributions: [{ id: 'a1', source: null, content: [{ start: 2, end: 4 }], cue: null, speaker: null }] }),
    runs: [
      ['a', ''],
      ['🌉b', 'quote:a1'],
    ],
  },
];

describe('segments (hand-made analyses)', () => {
  for (const { name, text, analysis, runs } of CASES) {
    test(name, () => {
      assert.deepEqual(compact(segments(text, analysis(text))), runs);
    });
  }

  test('options.types keeps only those marks', () => {
    const a = CASES[2].analysis(QUOTE);
    assert.deepEqual(compact(segments(QUOTE, a, { types: ['speaker'] })), [
      ['“Bridges 🌉 stay open,” ', ''],
      ['the mayor', 'speaker:a1'],
      [' said.', ''],
    ]);
  });

  test('layers carry the source id and the whole span of the mark', () => {
    const a = CASES[2].analysis(QUOTE);
    const run = segments(QUOTE, a).find((r) => r.text === 'mayor');
    assert.deepEqual(run.layers, [
      { type: 'speaker', id: 'a1', source: 's1', span: at(QUOTE, 'the mayor') },
      { type: 'mention', id: 's1', source: 's1', span: at(QUOTE, 'mayor') },
    ]);
  });

  test('marks() lists one mark per span, with MARK_TYPES types', () => {
    const list = marks(CASES[4].analysis(PRESSURE));
    assert.deepEqual(list.map((m) => m.type).sort(), ['demand', 'pressure', 'pressureCue', 'pressurer', 'target']);
    assert.ok(list.every((m) => MARK_TYPES.includes(m.type)));
  });

  const ERRORS = [
    { name: 'text not a string', args: [1, analysisOf('')], error: TypeError },
    { name: 'analysis missing', args: ['abc'], error: TypeError },
    { name: 'analysis of another text', args: ['abc', analysisOf('abcd')], error: RangeError },
    { name: 'unknown mark type', args: ['abc', analysisOf('abc'), { types: ['bold'] }], error: TypeError },
    { name: 'types not an array', args: ['abc', analysisOf('abc'), { types: 'quote' }], error: TypeError },
  ];
  for (const { name, args, error } of ERRORS) {
    test(`error: ${name}`, () => assert.throws(() => segments(...args), error));
  }
});

describe('segments (properties on real analyses)', () => {
  for (const [name, text] of Object.entries({ ...SAMPLES, long: longText(50_000) })) {
    test(`sample "${name}": runs tile the text and every layer covers its run`, () => {
      const analysis = analyze(text);
      const runs = segments(text, analysis);
      assert.equal(runs.map((r) => r.text).join(''), text);
      let expected = 0;
      for (const run of runs) {
        assert.equal(run.start, expected, 'contiguous');
        assert.ok(run.end > run.start, 'non-empty');
        assert.equal(run.text, text.slice(run.start, run.end));
        for (const layer of run.layers) {
          assert.ok(layer.span.start <= run.start && run.end <= layer.span.end, 'layer covers the run');
        }
        expected = run.end;
      }
      assert.equal(expected, text.length);
      // Every (non-empty) mark shows up on some run.
      const key = (type, id, start, end) => `${type}/${id}/${start}/${end}`;
      const seen = new Set(runs.flatMap((r) => r.layers.map((l) => key(l.type, l.id, l.span.start, l.span.end))));
      const all = new Set(marks(analysis).filter((m) => m.end > m.start).map((m) => key(m.type, m.id, m.start, m.end)));
      assert.deepEqual(seen, all);
    });
  }
});
