// Recovery from a trap of the engine on the main thread (js/node.js, js/engine.js): a real
// panic, made by the test-only export __sourcelensTestTrap, surfaces as a clear Error, and the
// module is re-instantiated, so that later calls give the same answers as before the trap.
//
// The test trap panics deep in the stack and a trapped instance never pops those frames: an
// instance that was not replaced fails ("memory access out of bounds") after a few such traps,
// so the repeated trap-then-analyze rounds below fail without the recovery.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { __sourcelensTestTrap, analyze, createWorkerAnalyzer, version } from '../../js/node.js';
import { SAMPLES } from './texts.mjs';

/** Rounds of trap-then-analyze: an instance that is not replaced gives out after 3 or 4. */
const ROUNDS = 8;

/** Runs `fn` with console.error captured (the panic hook writes the panic message there). */
function capturingConsoleError(fn) {
  const logged = [];
  const original = console.error;
  console.error = (...args) => logged.push(args.map(String).join(' '));
  try {
    return { logged, error: catching(fn) };
  } finally {
    console.error = original;
  }
}

function catching(fn) {
  try {
    fn();
  } catch (error) {
    return error;
  }
  assert.fail('the test trap did not throw');
}

function assertCrashError(error, name = '__sourcelensTestTrap') {
  assert.ok(error instanceof Error, `an Error: ${error}`);
  assert.ok(!(error instanceof WebAssembly.RuntimeError), 'not the bare trap');
  assert.match(error.message, new RegExp(`^sourcelens\\.${name}: the analysis crashed \\(RuntimeError: unreachable\\)`));
  assert.match(error.message, /the WebAssembly module was reset/);
  assert.ok(error.cause instanceof WebAssembly.RuntimeError, `cause: ${error.cause}`);
  assert.equal(error.cause.message, 'unreachable');
}

describe('recovery from an engine trap (js/node.js)', () => {
  const texts = [SAMPLES.minister, SAMPLES.newsroom];
  let before_;
  before(() => {
    before_ = texts.map((text) => JSON.stringify(analyze(text)));
  });

  test('a panic throws a clear Error with the trap as its cause, and the panic hook logs it', () => {
    const { logged, error } = capturingConsoleError(() => __sourcelensTestTrap());
    assertCrashError(error);
    assert.equal(logged.length, 1, 'console_error_panic_hook logs the panic once');
    assert.match(logged[0], /panicked at .*test trap \(__sourcelensTestTrap\), on purpose/s);
  });

  test(`trap, analyze, ${ROUNDS} times: every analysis equals the one made before any trap`, () => {
    for (let round = 1; round <= ROUNDS; round++) {
      const { logged, error } = capturingConsoleError(() => __sourcelensTestTrap());
      assertCrashError(error);
      assert.equal(logged.length, 1, `round ${round}: the fresh instance has the panic hook too`);
      texts.forEach((text, i) => {
        assert.equal(JSON.stringify(analyze(text)), before_[i], `round ${round}, text ${i}`);
      });
    }
    assert.equal(version(), JSON.parse(before_[0]).version);
  });

  test('the engine’s own errors are not crashes: rethrown unchanged, nothing reset', () => {
    assert.throws(() => analyze(42), (e) => e instanceof TypeError && e.message === 'sourcelens.analyze: text must be a string');
    assert.throws(() => analyze('abcdef', { maxInputBytes: 2 }), (e) => e instanceof RangeError && !('cause' in e));
    assert.equal(JSON.stringify(analyze(texts[0])), before_[0]);
  });

  test('a trap in the browser entry (js/index.js) recovers the same way', async () => {
    const browser = await import('../../js/index.js');
    browser.initSync(readFileSync(new URL('../../dist/sourcelens_bg.wasm', import.meta.url)));
    for (let round = 1; round <= ROUNDS; round++) {
      const { error } = capturingConsoleError(() => browser.__sourcelensTestTrap());
      assertCrashError(error);
      assert.equal(JSON.stringify(browser.analyze(texts[1])), before_[1], `round ${round}`);
    }
  });

  test('the test trap is not part of the typed API', () => {
    const types = readFileSync(new URL('../../js/index.d.ts', import.meta.url), 'utf8');
    assert.doesNotMatch(types, /TestTrap/);
  });
});

describe('a crash inside the Node worker (js/worker-node.js over js/node.js)', () => {
  let worker;
  before(() => {
    worker = createWorkerAnalyzer({ workerUrl: new URL('./fixtures/real-trap-worker.mjs', import.meta.url) });
  });
  after(() => worker?.terminate());

  test('rejects with the trap, like the browser worker, and a fresh worker answers the rest', async () => {
    const expected = analyze(SAMPLES.minister);
    const [trap, next] = await Promise.allSettled([worker.analyze('trap'), worker.analyze(SAMPLES.minister)]);
    assert.equal(trap.status, 'rejected');
    assert.ok(trap.reason instanceof WebAssembly.RuntimeError, String(trap.reason));
    assert.equal(trap.reason.message, 'unreachable');
    assert.equal(next.status, 'fulfilled', String(next.reason));
    assert.deepStrictEqual(next.value, expected);
    assert.deepStrictEqual(await worker.analyze(SAMPLES.minister), expected);
  });
});
