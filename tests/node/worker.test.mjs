// createWorkerAnalyzer() in Node (worker_threads): same results and errors as analyze(),
// requests answered in any interleaving, clean termination, and no hanging process.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { analyze, createWorkerAnalyzer, version } from '../../js/node.js';
import { SAMPLES, UNAMBIGUOUS, longText } from './texts.mjs';

describe('worker analyzer (Node)', { timeout: 60_000 }, () => {
  let worker;
  before(() => {
    worker = createWorkerAnalyzer();
  });
  after(() => worker.terminate());

  const texts = { ...SAMPLES, ...Object.fromEntries(UNAMBIGUOUS.map((u) => [u.name, u.text])), long: longText(200_000) };
  for (const [name, text] of Object.entries(texts)) {
    test(`same result as analyze(): ${name}`, async () => {
      assert.deepStrictEqual(await worker.analyze(text), analyze(text));
    });
  }

  test('same result with options', async () => {
    const options = { pressures: false, maxInputBytes: 10_000 };
    assert.deepStrictEqual(await worker.analyze(SAMPLES.newsroom, options), analyze(SAMPLES.newsroom, options));
  });

  test('many requests at once come back in order, each with its own answer', async () => {
    const list = Object.values(SAMPLES);
    const results = await Promise.all(list.map((text) => worker.analyze(text)));
    results.forEach((result, i) => assert.deepStrictEqual(result, analyze(list[i])));
  });

  test('version() equals the main-thread version', async () => {
    assert.equal(await worker.version(), version());
  });

  const ERRORS = [
    { name: 'text not a string', args: [42], error: TypeError },
    { name: 'bad options', args: ['x', { pressures: 1 }], error: TypeError },
    { name: 'text too large', args: ['abcdef', { maxInputBytes: 2 }], error: RangeError },
    { name: 'options that cannot be sent to a worker', args: ['x', { f: () => 1 }], error: TypeError },
  ];
  for (const { name, args, error } of ERRORS) {
    test(`rejects like analyze() throws: ${name}`, async () => {
      let expected;
      try {
        analyze(...args);
      } catch (e) {
        expected = e;
      }
      await assert.rejects(worker.analyze(...args), (e) => {
        assert.ok(e instanceof error, `${e.name}: ${e.message}`);
        if (expected) assert.equal(e.message, expected.message);
        return true;
      });
    });
  }

  test('after an error the worker keeps working', async () => {
    await assert.rejects(worker.analyze(null), TypeError);
    assert.deepStrictEqual(await worker.analyze(SAMPLES.minister), analyze(SAMPLES.minister));
  });

  test('terminate() rejects pending and later requests', async () => {
    const other = createWorkerAnalyzer();
    const pending = other.analyze(longText(500_000));
    other.terminate();
    await assert.rejects(pending, /terminated/);
    await assert.rejects(other.analyze('x'), /terminated/);
  });

  test('after an engine trap the worker is replaced and the other pending requests answered', async () => {
    const fake = createWorkerAnalyzer({ workerUrl: new URL('./fixtures/trap-worker.mjs', import.meta.url) });
    try {
      const first = await fake.analyze('a');
      const [trap, b, c] = await Promise.allSettled([fake.analyze('trap'), fake.analyze('b'), fake.analyze('c')]);
      assert.equal(trap.status, 'rejected');
      assert.ok(trap.reason instanceof WebAssembly.RuntimeError, String(trap.reason));
      assert.deepEqual([b.status, c.status], ['fulfilled', 'fulfilled'], String(b.reason ?? c.reason));
      assert.deepEqual([b.value.text, c.value.text], ['b', 'c']);
      assert.notEqual(b.value.instance, first.instance, 'answered by a new worker');
      assert.equal(c.value.instance, b.value.instance);
      assert.equal((await fake.analyze('d')).instance, b.value.instance, 'the new worker stays');
    } finally {
      fake.terminate();
    }
  });

  test('an idle worker does not keep Node running', () => {
    const moduleUrl = new URL('../../js/node.js', import.meta.url).href;
    const script = `import { createWorkerAnalyzer } from ${JSON.stringify(moduleUrl)};
      const w = createWorkerAnalyzer();
      const a = await w.analyze('"Yes," she said.');
      console.log(a.length);`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('.', import.meta.url)),
      encoding: 'utf8',
      timeout: 20_000,
    });
    assert.equal(run.error, undefined, 'the process exited by itself');
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.trim(), '16');
  });
});
