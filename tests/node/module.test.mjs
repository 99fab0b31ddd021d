// The npm module's Node entry (js/node.js) against the built dist/: API behaviour, the output
// contract on many texts, errors, and the unambiguous answers of texts.mjs.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import init, { analyze, initSync, version } from '../../js/node.js';
import { assertAnalysis } from './contract.mjs';
import { SAMPLES, UNAMBIGUOUS, longText, slice } from './texts.mjs';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const cargoVersion = readFileSync(new URL('../../Cargo.toml', import.meta.url), 'utf8').match(/^version = "([^"]+)"/m)[1];

describe('loading', () => {
  test('analyze works in Node without init()', () => {
    assertAnalysis(SAMPLES.minister, analyze(SAMPLES.minister));
  });

  test('init() and initSync() may be called any number of times', async () => {
    await init();
    await init();
    initSync();
    initSync();
    assertAnalysis(SAMPLES.minister, analyze(SAMPLES.minister));
  });

  test('the browser entry (js/index.js) asks for init() first, then works', async () => {
    const browser = await import('../../js/index.js');
    assert.throws(() => browser.analyze('x'), /call `await init\(\)` first/);
    assert.throws(() => browser.version(), /call `await init\(\)` first/);
    browser.initSync(readFileSync(new URL('../../dist/sourcelens_bg.wasm', import.meta.url)));
    assert.deepEqual(browser.analyze(SAMPLES.newsroom), analyze(SAMPLES.newsroom));
    assert.equal(browser.version(), version());
  });

  test('version() is the crate version, which the npm package shares', () => {
    assert.equal(version(), cargoVersion);
    assert.equal(pkg.version, cargoVersion);
    assert.equal(analyze('x').version, cargoVersion);
  });
});

describe('output contract', () => {
  for (const [name, text] of Object.entries(SAMPLES)) {
    test(`sample "${name}"`, () => {
      assertAnalysis(text, analyze(text));
    });
  }

  test('same text, same analysis (deterministic)', () => {
    assert.deepEqual(analyze(SAMPLES.newsroom), analyze(SAMPLES.newsroom));
  });

  test('the result is plain JSON data (survives a JSON round trip unchanged)', () => {
    const analysis = analyze(SAMPLES.unicode);
    assert.deepEqual(JSON.parse(JSON.stringify(analysis)), analysis);
    assert.equal(Object.getPrototypeOf(analysis), Object.prototype);
  });

  test('lone surrogates keep the UTF-16 length', () => {
    assert.equal(analyze(SAMPLES.loneSurrogates).length, SAMPLES.loneSurrogates.length);
  });

  test('pressures: false leaves the pressure layer empty', () => {
    for (const text of Object.values(SAMPLES)) {
      assert.deepEqual(analyze(text, { pressures: false }).pressures, []);
    }
  });

  test('every attribution carries a confidence; explain lists the features it read', () => {
    const text = '"We will rebuild the bridge," the mayor said on Monday.';
    const plain = analyze(text);
    assert.equal(plain.attributions.length, 1);
    const { confidence, features } = plain.attributions[0].evidence;
    assert.ok(confidence > 0.5 && confidence <= 1, `confidence ${confidence}`);
    assert.equal(Math.round(confidence * 100) / 100, confidence, 'two decimals');
    assert.equal(features, undefined);
    const explained = analyze(text, { explain: true }).attributions[0].evidence;
    assert.equal(explained.confidence, confidence);
    assert.ok(explained.features.includes('rule=quote-speaker-cue'), explained.features.join(' '));
    assert.ok(explained.features.includes('cue=said'));
    assert.throws(() => analyze(text, { explain: 'yes' }), /options\.explain must be a boolean/);
  });

  test('joinSplitQuotes joins the quotation after "…," she said. to that attribution', () => {
    const text = '"The dam will hold," the engineer said. "We checked it twice."';
    const apart = analyze(text).attributions;
    assert.deepEqual(apart.map((a) => a.evidence.rule), ['quote-speaker-cue', 'follow-on-quote']);
    assert.equal(apart[0].source, apart[1].source);
    const joined = analyze(text, { joinSplitQuotes: true }).attributions;
    assert.equal(joined.length, 1);
    assert.equal(joined[0].evidence.rule, 'split-quote');
    assert.deepEqual(joined[0].content.map((c) => text.slice(c.start, c.end)), ['"The dam will hold,"', '"We checked it twice."']);
    assert.throws(() => analyze(text, { joinSplitQuotes: 1 }), /options\.joinSplitQuotes must be a boolean/);
  });

  test('a 1 MB text is analysed in under 10 seconds', () => {
    const text = longText(1 << 20);
    const started = performance.now();
    const analysis = analyze(text);
    const seconds = (performance.now() - started) / 1000;
    assertAnalysis(text, analysis);
    assert.ok(seconds < 10, `took ${seconds.toFixed(1)} s`);
  });
});

describe('errors', () => {
  const cases = [
    { name: 'a number instead of text', args: [42], error: TypeError, message: /text must be a string/ },
    { name: 'no text at all', args: [], error: TypeError, message: /text must be a string/ },
    { name: 'null text', args: [null], error: TypeError, message: /text must be a string/ },
    { name: 'a String object', args: [new String('x')], error: TypeError, message: /text must be a string/ },
    { name: 'options as a string', args: ['x', 'fast'], error: TypeError, message: /options must be an object/ },
    { name: 'options as an array', args: ['x', []], error: TypeError, message: /options must be an object/ },
    { name: 'negative maxInputBytes', args: ['x', { maxInputBytes: -1 }], error: TypeError, message: /maxInputBytes/ },
    { name: 'fractional maxInputBytes', args: ['x', { maxInputBytes: 1.5 }], error: TypeError, message: /maxInputBytes/ },
    { name: 'maxInputBytes as a string', args: ['x', { maxInputBytes: '10' }], error: TypeError, message: /maxInputBytes/ },
    { name: 'pressures as a string', args: ['x', { pressures: 'no' }], error: TypeError, message: /pressures/ },
    { name: 'text over maxInputBytes', args: ['abcdef', { maxInputBytes: 5 }], error: RangeError, message: /6 bytes.*limit of 5/ },
    // "é" is 2 bytes of UTF-8: the limit counts bytes, not characters.
    { name: 'limit counted in UTF-8 bytes', args: ['ééé', { maxInputBytes: 5 }], error: RangeError, message: /6 bytes/ },
  ];
  for (const { name, args, error, message } of cases) {
    test(name, () => {
      assert.throws(() => analyze(...args), (e) => e instanceof error && message.test(e.message));
    });
  }

  test('a text exactly at the limit is accepted', () => {
    assertAnalysis('ééé', analyze('ééé', { maxInputBytes: 6 }));
  });

  test('null and undefined options mean the defaults', () => {
    assert.deepEqual(analyze(SAMPLES.newsroom, null), analyze(SAMPLES.newsroom));
    assert.deepEqual(analyze(SAMPLES.newsroom, undefined), analyze(SAMPLES.newsroom));
  });

  test('the module still works after an error', () => {
    assert.throws(() => analyze(1));
    assertAnalysis(SAMPLES.minister, analyze(SAMPLES.minister));
  });
});

// GENUINE EXPECTED BEHAVIOUR: these short texts have one right answer (see texts.mjs).
describe('unambiguous texts (genuine expected answers)', () => {
  for (const { name, text, attributions } of UNAMBIGUOUS) {
    test(name, () => {
      const analysis = analyze(text);
      assertAnalysis(text, analysis);
      const got = analysis.attributions.map((a) => ({
        kind: a.kind,
        content: a.content.map((c) => slice(text, c)),
        cue: slice(text, a.cue),
        speaker: slice(text, a.speaker),
      }));
      assert.deepEqual(got, attributions);
      assert.equal(analysis.sources.length, 1, 'one source');
      assert.equal(analysis.attributions[0].source, analysis.sources[0].id, 'the attribution comes from that source');
      assert.ok(
        analysis.sources[0].mentions.some((m) => slice(text, m) === attributions[0].speaker),
        'the speaker is a mention of the source',
      );
    });
  }
});
