// Every call into the WebAssembly engine from the main-thread entry points (index.js, node.js)
// goes through callEngine(), which recovers from a trap of the engine (issue #9).
//
// What a crash looks like. The engine is built with panic = "abort": on a panic,
// console_error_panic_hook logs the message to console.error, then the instance executes
// `unreachable`. The wasm-bindgen 0.2.130 glue catches nothing (no abort handler with
// panic = "abort"), so the call throws a WebAssembly.RuntimeError ("unreachable") out of the
// middle of the engine. Other traps leave the same way (the engine's own stack running out:
// "memory access out of bounds"; the host's call stack running out: a RangeError). That
// instance is poisoned: its stack pointer, heap and panic state are wherever the trap left
// them, so later calls may fail or return garbage.
//
// Why __wbg_reset_state and not init()/initSync() again: the glue keeps its state at module
// level (`wasm`, the cached memory views cachedUint8ArrayMemory0 / cachedDataViewMemory0,
// WASM_VECTOR_LEN, the decoder's byte count), and its init()/initSync() return at once when
// `wasm` is already set, so calling them again resets nothing. scripts/build.mjs therefore runs
// wasm-bindgen with --experimental-reset-state-function, which makes the glue export
// __wbg_reset_state(): it clears each of those caches, makes a new WebAssembly.Instance from
// the WebAssembly.Module the glue kept at init (no recompiling), synchronously, and runs the
// start function again (the panic hook). Nothing else in the glue refers to the old instance:
// with reference types, JS values live in the instance's own externref table (there is no JS
// heap array), and the engine exports no classes or closures. (Importing a second copy of the
// glue would reset as well, but needs an async import and a URL that bundlers do not follow.)
//
// So the reset happens at once, inside the call that crashed: the caller gets a clear Error
// (the trap in `cause`), and the next call, synchronous as ever, runs on a fresh instance. If
// the reset itself fails (out of memory, say), it is tried again before the next call.
//
// Which errors are crashes: the engine's own errors (TypeError, RangeError, Error, each
// "sourcelens.<function>: ...") are returned by Rust normally, with the instance intact, and
// are rethrown as they are. Anything else thrown by a call left the engine half-way.

import { __wbg_reset_state as resetInstance } from '../dist/sourcelens.js';

/**
 * Marks the Error thrown for a crash (worker-protocol.js recognises it by the same key, which
 * it does not import: that module must not load the glue).
 */
export const ENGINE_CRASH = Symbol.for('sourcelens.engineCrash');

/** The instance trapped and could not be replaced yet. */
let stale = false;

function isEngineError(error) {
  return (
    error instanceof Error &&
    !(error instanceof WebAssembly.RuntimeError) &&
    typeof error.message === 'string' &&
    error.message.startsWith('sourcelens.')
  );
}

function describe(error) {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

function replaceInstance(name) {
  try {
    resetInstance();
    stale = false;
  } catch (error) {
    throw new Error(`sourcelens.${name}: the WebAssembly module could not be reset after a crash (${describe(error)})`, {
      cause: error,
    });
  }
}

/**
 * Calls `call(...args)` (a function of the glue) and, when the engine traps, resets the module
 * and throws an Error saying so, with the trap as its `cause`.
 *
 * @template T
 * @param {string} name the exported function's name, for messages
 * @param {(...args: any[]) => T} call
 * @param {...unknown} args
 * @returns {T}
 */
export function callEngine(name, call, ...args) {
  if (stale) replaceInstance(name);
  try {
    return call(...args);
  } catch (error) {
    if (isEngineError(error)) throw error;
    stale = true;
    let after = 'the WebAssembly module was reset and the next call starts afresh';
    try {
      replaceInstance(name);
    } catch (resetError) {
      after = `resetting the WebAssembly module failed (${describe(resetError.cause)}); it is tried again on the next call`;
    }
    const crash = new Error(`sourcelens.${name}: the analysis crashed (${describe(error)}); ${after}`, { cause: error });
    Object.defineProperty(crash, ENGINE_CRASH, { value: true });
    throw crash;
  }
}
