// The page's highlight model without a browser: which items each layer draws, and how the
// text is cut when items nest or cross.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cleanSpan, collectItems, lineStarts, segment } from '../../www/js/highlight.js';

const ALL = new Set(['quote', 'speaker', 'cue', 'pressure']);

/** A small analysis: one attribution with speaker and cue, its source, one pressure inside the quote. */
const ANALYSIS = {
  sources: [{ id: 's1', mentions: [{ start: 20, end: 25 }, { start: 40, end: 45 }], anonymityMarker: null }],
  attributions: [
    { id: 'a1', source: 's1', content: [{ start: 0, end: 18 }], speaker: { start: 20, end: 25 }, cue: { start: 26, end: 30 } },
  ],
  pressures: [
    {
      id: 'p1', span: { start: 2, end: 16 }, cue: { start: 5, end: 9 }, pressurers: [{ start: 2, end: 4 }],
      target: { start: 10, end: 12 }, demand: { start: 13, end: 16 }, claimedBy: 's1', negated: false,
    },
  ],
};

describe('collectItems', () => {
  const cases = [
    // [layers, expected item keys in start order]
    [['quote'], ['a1:0']],
    [['speaker'], ['a1:speaker', 's1:m1']],
    [['cue'], ['a1:cue']],
    [['pressure'], ['p1', 'p1:pressurer0', 'p1:cue', 'p1:target', 'p1:demand']],
    [[], []],
  ];
  for (const [layers, keys] of cases) {
    test(`layers ${JSON.stringify(layers)}`, () => {
      assert.deepEqual(collectItems(ANALYSIS, 50, new Set(layers)).map((i) => i.key), keys);
    });
  }

  test('a mention that is also a speaker is drawn once, as the speaker', () => {
    const speakers = collectItems(ANALYSIS, 50, ALL).filter((i) => i.kind === 'speaker');
    assert.deepEqual(speakers.map((i) => [i.key, i.start, i.end]), [['a1:speaker', 20, 25], ['s1:m1', 40, 45]]);
  });

  test('spans outside the text, reversed or malformed are dropped, not drawn', () => {
    const bad = {
      sources: [],
      attributions: [
        { id: 'a1', source: null, content: [{ start: 5, end: 3 }, { start: 0, end: 999 }, { start: 'x', end: 2 }, null], speaker: { start: 60, end: 70 }, cue: null },
      ],
      pressures: [],
    };
    assert.deepEqual(collectItems(bad, 50, ALL).map((i) => [i.key, i.start, i.end]), [['a1:1', 0, 50]]);
  });

  test('a missing analysis section draws nothing', () => {
    assert.deepEqual(collectItems({}, 10, ALL), []);
  });
});

describe('segment', () => {
  const item = (key, start, end, kind = 'quote', part = null) => ({ key, start, end, kind, part });
  const cases = [
    // [name, text length, items, expected pieces as "start-end:keys outermost first"]
    ['no items', 5, [], ['0-5:']],
    ['one item in the middle', 10, [item('a', 2, 5)], ['0-2:', '2-5:a', '5-10:']],
    ['nested', 10, [item('a', 0, 10), item('b', 3, 6, 'speaker')], ['0-3:a', '3-6:a,b', '6-10:a']],
    ['crossing', 10, [item('a', 0, 6), item('b', 4, 10)], ['0-4:a', '4-6:a,b', '6-10:b']],
    ['same span: pressure claim outside quote outside speaker', 4,
      [item('s', 0, 4, 'speaker'), item('q', 0, 4, 'quote'), item('p', 0, 4, 'pressure', 'span')], ['0-4:p,q,s']],
    ['touching', 6, [item('a', 0, 3), item('b', 3, 6)], ['0-3:a', '3-6:b']],
  ];
  for (const [name, length, items, expected] of cases) {
    test(name, () => {
      const text = 'x'.repeat(length);
      const pieces = segment(text, [...items].sort((x, y) => x.start - y.start));
      assert.deepEqual(pieces.map((p) => `${p.start}-${p.end}:${p.items.map((i) => i.key).join(',')}`), expected);
    });
  }

  test('every line starts a new piece, so lines can be separate blocks', () => {
    const pieces = segment('ab\ncd\n\nef', [item('q', 1, 8)]);
    assert.deepEqual(pieces.map((p) => [p.start, p.end]), [[0, 1], [1, 3], [3, 6], [6, 7], [7, 8], [8, 9]]);
  });
});

describe('small helpers', () => {
  const spans = [
    [{ start: 1, end: 3 }, 10, { start: 1, end: 3 }],
    [{ start: 8, end: 30 }, 10, { start: 8, end: 10 }],
    [{ start: 3, end: 3 }, 10, null],
    [{ start: -4, end: 2 }, 10, { start: 0, end: 2 }],
    [{ start: 1.5, end: 3 }, 10, null],
    [undefined, 10, null],
  ];
  for (const [span, length, expected] of spans) {
    test(`cleanSpan(${JSON.stringify(span)}, ${length})`, () => assert.deepEqual(cleanSpan(span, length), expected));
  }
  const lines = [
    ['', []],
    ['one line', []],
    ['a\nb', [2]],
    ['a\n\nb\n', [2, 3]],
  ];
  for (const [text, expected] of lines) {
    test(`lineStarts(${JSON.stringify(text)})`, () => assert.deepEqual(lineStarts(text), expected));
  }
});
