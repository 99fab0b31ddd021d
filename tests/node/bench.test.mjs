// The benchmark harness's own pieces (bench/lib): statistics, the generated corpus and the
// hostile inputs. The benchmark itself is `npm run bench`; these only check its building blocks.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { article, handWritten, newsCorpus, rng } from '../../bench/lib/corpus.mjs';
import { HOSTILE } from '../../bench/lib/hostile.mjs';
import { mbps, median, sig, size } from '../../bench/lib/stats.mjs';

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
