// The page's Engine (www/js/engine.js) without a browser: a fake worker stands in for
// worker.js, so that cancellation, traps and worker failures can be driven exactly.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Cancelled, Engine } from '../../www/js/engine.js';

/** A stand-in for `new Worker(...)` whose answers the test decides. */
class FakeWorker {
  static all = [];
  constructor() {
    this.sent = [];
    this.terminated = false;
    FakeWorker.all.push(this);
  }
  postMessage(msg) {
    this.sent.push(msg);
    if (msg.type === 'init') queueMicrotask(() => this.onmessage?.({ data: { type: 'ready', version: '9.9.9' } }));
  }
  terminate() {
    this.terminated = true;
  }
  /** The last analyze request. */
  get request() {
    return this.sent.filter((m) => m.type === 'analyze').at(-1);
  }
  answer(analysis) {
    const keys = Object.keys(analysis);
    this.onmessage({ data: { type: 'result', id: this.request.id, keys, parts: keys.map((k) => JSON.stringify(analysis[k])), ms: 1 } });
  }
  fail(error, fatal) {
    this.onmessage({ data: { type: 'error', id: this.request.id, error, fatal } });
  }
  crash(message) {
    this.onerror({ message, preventDefault() {} });
  }
}

function engine() {
  FakeWorker.all = [];
  return new Engine({ createWorker: () => new FakeWorker(), module: Promise.resolve('compiled-module') });
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('Engine', () => {
  test('hands the compiled module to a new worker and reassembles the analysis from its parts', async () => {
    const e = engine();
    const pending = e.analyze('some text');
    await tick();
    const [worker] = FakeWorker.all;
    assert.deepEqual(worker.sent[0], { type: 'init', module: 'compiled-module' });
    assert.equal(worker.request.text, 'some text');
    const analysis = { version: '1', length: 9, sentences: [{ start: 0, end: 9 }], sources: [], attributions: [], pressures: [], summary: {} };
    worker.answer(analysis);
    const result = await pending;
    assert.deepEqual(result.analysis, analysis);
    assert.deepEqual(Object.keys(result.analysis), Object.keys(analysis), 'keys keep their order');
    assert.equal(e.version, '9.9.9');
  });

  test('a newer request cancels the running one by replacing its worker', async () => {
    const e = engine();
    const first = e.analyze('long text');
    await tick();
    const second = e.analyze('newer text');
    await assert.rejects(first, Cancelled);
    await tick();
    assert.equal(FakeWorker.all.length, 2);
    assert.equal(FakeWorker.all[0].terminated, true);
    FakeWorker.all[1].answer({ length: 10 });
    assert.deepEqual((await second).analysis, { length: 10 });
  });

  test('consecutive requests reuse the same worker', async () => {
    const e = engine();
    for (const text of ['one', 'two', 'three']) {
      const pending = e.analyze(text);
      await tick();
      FakeWorker.all.at(-1).answer({ text });
      assert.deepEqual((await pending).analysis, { text });
    }
    assert.equal(FakeWorker.all.length, 1);
  });

  const failures = [
    // [what happens, make it happen, worker replaced afterwards, message pattern, fatal]
    ['a trap', (w) => w.fail('RuntimeError: unreachable', true), true, /unreachable/, true],
    ['a refused input', (w) => w.fail('Error: input is too large', false), false, /too large/, false],
    ['a crashed worker', (w) => w.crash('script failed'), true, /script failed/, undefined],
    ['an engine that cannot start', (w) => w.onmessage({ data: { type: 'failed', error: 'bad module' } }), true, /did not start/, undefined],
  ];
  for (const [name, cause, replaced, pattern, fatal] of failures) {
    test(`${name}: the request fails, and the next one ${replaced ? 'starts a new worker' : 'reuses the worker'}`, async () => {
      const e = engine();
      const pending = e.analyze('text');
      await tick();
      cause(FakeWorker.all[0]);
      const error = await pending.then(() => null, (err) => err);
      assert.ok(error instanceof Error && !(error instanceof Cancelled));
      assert.match(error.message, pattern);
      assert.equal(error.fatal, fatal);
      const next = e.analyze('again');
      await tick();
      assert.equal(FakeWorker.all.length, replaced ? 2 : 1);
      assert.equal(FakeWorker.all[0].terminated, replaced);
      FakeWorker.all.at(-1).answer({ ok: true });
      assert.deepEqual((await next).analysis, { ok: true });
    });
  }

  test('an unreadable answer is an error, not a crash', async () => {
    const e = engine();
    const pending = e.analyze('text');
    await tick();
    const w = FakeWorker.all[0];
    w.onmessage({ data: { type: 'result', id: w.request.id, keys: ['sources'], parts: ['{not json'], ms: 1 } });
    await assert.rejects(pending, /could not be read/);
  });

  test('answers for an older request are ignored', async () => {
    const e = engine();
    const pending = e.analyze('text');
    await tick();
    const w = FakeWorker.all[0];
    w.onmessage({ data: { type: 'result', id: w.request.id + 100, keys: ['x'], parts: ['1'], ms: 1 } });
    w.answer({ right: true });
    assert.deepEqual((await pending).analysis, { right: true });
  });

  test('a module that fails to compile rejects every request with its reason', async () => {
    const failing = Promise.reject(new Error('no wasm here'));
    failing.catch(() => {});
    const e = new Engine({ createWorker: () => new FakeWorker(), module: failing });
    await assert.rejects(e.analyze('text'), /no wasm here/);
  });
});
