// The benchmark harness's own pieces (bench/lib): statistics, the generated corpus and the
// hostile inputs. The benchmark itself is `npm run bench`; these only check its building blocks.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { article, handWritten, newsCorpus, rng } from '../../bench/lib/corpus.mjs';
import { HOSTILE } from '../../bench/lib/hostile.mjs';
import { mbps, median, sig, size } from '../../bench/lib/stats.mjs';
import { groupSizes, sections, symbolPath } from '../../bench/lib/wasm-sections.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const articles = join(root, 'bench', 'articles');

describe('bench statistics', () => {
  const cases = [
    // [function, arguments, expected]
    [median, [[3, 1, 2]], 2],
    [median, [[4, 1, 3, 2]], 2.5],
    [median, [[7]], 7],
    [mbps, [2_000_000, 1000], 2],
    [mbps, [500_000, 250], 2],
    [sig, [1234.5], '1235'],
    [sig, [0.012345], '0.0123'],
    [sig, [20.94], '20.9'],
    [sig, [Infinity], '—'],
    [size, [150_000], '150 KB'],
    [size, [30_137_698], '30.1 MB'],
    [size, [512], '512 B'],
  ];
  for (const [fn, args, want] of cases) {
    test(`${fn.name}(${args.map((a) => JSON.stringify(a)).join(', ')}) = ${want}`, () => {
      assert.equal(fn(...args), want);
    });
  }
  test('median of nothing is NaN', () => assert.ok(Number.isNaN(median([]))));
});

describe('bench corpus', () => {
  test('the same seed gives the same articles, another seed other ones', () => {
    assert.equal(article(rng(42)), article(rng(42)));
    assert.notEqual(article(rng(42)), article(rng(43)));
  });

  test('the news corpus reaches its size, starts with the hand-written articles, and is deterministic', () => {
    const texts = newsCorpus(articles, 100_000);
    const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
    assert.ok(bytes >= 100_000 && bytes < 110_000, `${bytes} bytes`);
    const own = handWritten(articles);
    assert.ok(own.length >= 5);
    assert.deepEqual(texts.slice(0, own.length), own);
    assert.deepEqual(newsCorpus(articles, 100_000), texts);
  });

  test('generated articles have quotes, reported speech and anonymous sources', () => {
    const text = newsCorpus(articles, 300_000).join('\n');
    for (const needle of [/[“"][^“”"]+,[”"] said /, / told /, /according to /i, /condition of anonymity/, /under pressure from /]) {
      assert.match(text, needle);
    }
  });
});

describe('bench hostile inputs', () => {
  for (const h of HOSTILE) {
    test(`${h.name} is generated close to the byte budget`, () => {
      const budget = 50_000;
      const text = h.make(budget);
      const bytes = Buffer.byteLength(text);
      assert.ok(bytes > budget * 0.8 && bytes < budget * 1.1, `${bytes} bytes`);
      assert.equal(text, h.make(budget), 'deterministic');
    });
  }
  test('the cases have distinct names', () => {
    assert.equal(new Set(HOSTILE.map((h) => h.name)).size, HOSTILE.length);
  });
});

describe('bench wasm composition', () => {
  const paths = [
    // [name in the wasm `name` section, expected path]
    ['_ZN10sourcelens5coref4link17h0123456789abcdefE', ['sourcelens', 'coref', 'link']],
    ['_ZN4core5slice4sort6stable5drift4sort17h0123456789abcdefE', ['core', 'slice', 'sort', 'stable', 'drift', 'sort']],
    ['_ZN63_$LT$alloc..vec..Vec$LT$T$GT$$u20$as$u20$core..clone..Clone$GT$5clone17h0123456789abcdefE', ['<alloc::vec::Vec<T> as core::clone::Clone>', 'clone']],
    ['sourcelens::tokens::tokenize', ['sourcelens', 'tokens', 'tokenize']],
    ['_RNvMs0_NtCsjqx8TIyZbP9_8dlmalloc8dlmallocINtB5_8DlmallocNtNtB7_3sys6SystemE6malloc', ['dlmalloc', '(v0-mangled)']],
    ['__wbindgen_malloc', ['__wbindgen_malloc']],
  ];
  for (const [name, want] of paths) {
    test(`symbolPath(${name.slice(0, 40)}…)`, () => assert.deepEqual(symbolPath(name), want));
  }

  test('groupSizes adds code bytes per crate, and per module inside sourcelens', () => {
    const fns = [
      ['sourcelens::coref::link', 10],
      ['sourcelens::coref::Linker::resolve', 5],
      ['sourcelens::tokens::tokenize', 7],
      ['_ZN63_$LT$alloc..vec..Vec$LT$T$GT$$u20$as$u20$core..clone..Clone$GT$5clone17h0123456789abcdefE', 3],
      ['_ZN4core3fmt5write17h0123456789abcdefE', 4],
    ].map(([name, size]) => ({ name, path: symbolPath(name), size }));
    assert.deepEqual(groupSizes(fns), [
      { group: 'sourcelens::coref', size: 15 },
      { group: 'sourcelens::tokens', size: 7 },
      { group: 'core', size: 4 },
      { group: 'alloc', size: 3 },
    ]);
  });

  test('sections() reads a minimal module and refuses other bytes', () => {
    // magic, version 1, then a type section (id 1) of 4 bytes: one type, () -> ().
    const module = Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0]);
    assert.deepEqual(sections(module), [{ id: 1, name: 'type', start: 10, size: 4 }]);
    assert.ok(new WebAssembly.Module(module), 'the test module itself is valid');
    assert.throws(() => sections(Buffer.from('not wasm at all')), /not a WebAssembly module/);
  });
});
