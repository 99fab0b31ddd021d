// sourcelens for Node (the `node` export condition): the WebAssembly module is read from the
// package with fs and instantiated on first use, so `analyze()` works without `init()`.

import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
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

/** The WebAssembly file shipped in the package. */
const WASM_FILE = new URL('../dist/sourcelens_bg.wasm', import.meta.url);

let loaded = false;

function ensureLoaded() {
  if (!loaded) {
    loadWasmSync({ module: readFileSync(WASM_FILE) });
    loaded = true;
  }
}

/**
 * Loads the WebAssembly module; optional in Node. With no argument it reads the package's
 * own `.wasm` file; `{ module_or_path }` loads another copy (bytes, a WebAssembly.Module...).
 *
 * @param {{module_or_path?: any} | Uint8Array | WebAssembly.Module} [input]
 * @returns {Promise<void>}
 */
export default async function init(input) {
  if (input === undefined) ensureLoaded();
  else await loadWasm(asInitObject(input, 'module_or_path'));
  loaded = true;
}

/**
 * Loads the WebAssembly module synchronously; with no argument, the package's own file.
 *
 * @param {{module: BufferSource | WebAssembly.Module}} [input]
 */
export function initSync(input) {
  if (input === undefined) ensureLoaded();
  else loadWasmSync(asInitObject(input, 'module'));
  loaded = true;
}

/**
 * Analyses a news text: sources, attributions, claimed pressures (spans in UTF-16 code units).
 *
 * @param {string} text
 * @param {{maxInputBytes?: number, pressures?: boolean, explain?: boolean, joinSplitQuotes?: boolean}} [options]
 * @returns {import('./index.js').Analysis}
 */
export function analyze(text, options) {
  ensureLoaded();
  return callEngine('analyze', wasmAnalyze, text, options);
}

/** The version of the analysis engine. */
export function version() {
  ensureLoaded();
  return callEngine('version', wasmVersion);
}

/**
 * Test-only, not an API (absent from index.d.ts): makes the engine panic on purpose, to test
 * the recovery from a trap (see engine.js). Throws the Error `analyze` throws on a crash.
 *
 * @ignore
 */
export function __sourcelensTestTrap() {
  ensureLoaded();
  callEngine('__sourcelensTestTrap', wasmTestTrap);
}

/**
 * Runs analyses in a worker thread. The results equal `analyze()`'s. The thread only keeps
 * the process alive while a request is pending; `terminate()` stops it.
 *
 * @param {{workerUrl?: string | URL}} [options] `workerUrl`: another worker script (default: js/worker-node.js)
 */
export function createWorkerAnalyzer(options = {}) {
  const workerUrl = options.workerUrl ?? new URL('./worker-node.js', import.meta.url);
  return connect(({ receive, fail }) => {
    const worker = new Worker(workerUrl, {
      // Workers inherit Node's flags; `--input-type` (from `node -e`) would stop a file worker.
      execArgv: process.execArgv.filter((arg) => !/^--input-type(=|$)/.test(arg)),
    });
    worker.unref();
    worker.on('message', receive);
    worker.on('error', (error) => fail(new Error(`sourcelens worker failed: ${error.message}`)));
    worker.on('exit', (code) => fail(new Error(`sourcelens worker: stopped (exit code ${code})`)));
    return {
      post: (message) => worker.postMessage(message),
      terminate: () => void worker.terminate(),
      busy: (busy) => (busy ? worker.ref() : worker.unref()),
    };
  });
}
