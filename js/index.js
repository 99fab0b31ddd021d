// sourcelens for browsers and bundlers: `await init()` once, then `analyze(text)`.
// Node resolves the `node` export condition to ./node.js instead (no init needed there).

import loadWasm, {
  __sourcelensTestTrap as wasmTestTrap,
  analyze as wasmAnalyze,
  initSync as loadWasmSync,
  version as wasmVersion,
} from '../dist/sourcelens.js';
import { callEngine } from './engine.js';
import { asInitObject } from './init-input.js';
import { connect } from './worker-protocol.js';

export { segments, marks, MARK_TYPES } from './segments.js';

let loaded = false;

/**
 * Loads the WebAssembly module. Without an argument it fetches `sourcelens_bg.wasm` next to
 * the generated glue (`dist/`); pass `{ module_or_path }` (a URL, a Response, bytes or a
 * WebAssembly.Module; also accepted bare) when a bundler moved the file. Calling it again is
 * harmless.
 *
 * @param {{module_or_path?: any} | string | URL} [input]
 * @returns {Promise<void>}
 */
export default async function init(input) {
  await loadWasm(asInitObject(input, 'module_or_path'));
  loaded = true;
}

/**
 * Loads the WebAssembly module synchronously from bytes or a compiled module.
 *
 * @param {{module: BufferSource | WebAssembly.Module}} input
 */
export function initSync(input) {
  loadWasmSync(asInitObject(input, 'module'));
  loaded = true;
}

function requireLoaded(name) {
  if (!loaded) {
    throw new Error(`sourcelens.${name}: the WebAssembly module is not loaded yet; call \`await init()\` first`);
  }
}

/**
 * Analyses a news text: sources, attributions, claimed pressures (spans in UTF-16 code units).
 *
 * @param {string} text
 * @param {{maxInputBytes?: number, pressures?: boolean, explain?: boolean, joinSplitQuotes?: boolean}} [options]
 * @returns {import('./index.js').Analysis}
 */
export function analyze(text, options) {
  requireLoaded('analyze');
  return callEngine('analyze', wasmAnalyze, text, options);
}

/** The version of the analysis engine. */
export function version() {
  requireLoaded('version');
  return callEngine('version', wasmVersion);
}

/**
 * Test-only, not an API (absent from index.d.ts): makes the engine panic on purpose, to test
 * the recovery from a trap (see engine.js). Throws the Error `analyze` throws on a crash.
 *
 * @ignore
 */
export function __sourcelensTestTrap() {
  requireLoaded('__sourcelensTestTrap');
  callEngine('__sourcelensTestTrap', wasmTestTrap);
}

/**
 * Runs analyses in a Web Worker, off the page's main thread. The results equal `analyze()`'s.
 *
 * @param {{workerUrl?: string | URL, wasmUrl?: string | URL}} [options]
 *   `workerUrl`: where `js/worker-browser.js` is served (default: next to this file);
 *   `wasmUrl`: where `sourcelens_bg.wasm` is served (default: the package's `dist/`).
 */
export function createWorkerAnalyzer(options = {}) {
  if (typeof Worker !== 'function') throw new Error('sourcelens.createWorkerAnalyzer: Web Workers are not available here');
  const workerUrl = options.workerUrl ?? new URL('./worker-browser.js', import.meta.url);
  const wasmUrl = options.wasmUrl === undefined ? undefined : String(new URL(options.wasmUrl, globalThis.location?.href));
  return connect(({ receive, fail }) => {
    const worker = new Worker(workerUrl, { type: 'module', name: 'sourcelens' });
    worker.addEventListener('message', (event) => receive(event.data));
    worker.addEventListener('error', (event) => {
      event.preventDefault?.();
      fail(new Error(`sourcelens worker failed: ${event.message || 'the worker script could not be loaded'}`));
    });
    worker.addEventListener('messageerror', () => fail(new Error('sourcelens worker: a reply could not be read')));
    return {
      post: (message) => worker.postMessage({ ...message, wasmUrl }),
      terminate: () => worker.terminate(),
    };
  });
}
