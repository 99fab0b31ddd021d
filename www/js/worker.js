// The analysis worker: runs the WebAssembly engine off the page's main thread.
//
// Messages in:  {type: 'init', module: WebAssembly.Module}
//               {type: 'analyze', id, text, options}
// Messages out: {type: 'ready', version} | {type: 'failed', error}
//               {type: 'result', id, keys, parts, ms} | {type: 'error', id, error, fatal}
// A result is the analysis as JSON, one string in `parts` per key in `keys`.
// `fatal` means the engine trapped: its memory may be corrupt and this worker must be replaced.

import { initSync, analyze, version } from '../pkg/sourcelens.js';

function message(error) {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

self.onmessage = (event) => {
  const msg = event.data ?? {};
  if (msg.type === 'init') {
    try {
      initSync({ module: msg.module });
      self.postMessage({ type: 'ready', version: version() });
    } catch (error) {
      self.postMessage({ type: 'failed', error: message(error) });
    }
  } else if (msg.type === 'analyze') {
    const started = performance.now();
    try {
      const analysis = analyze(msg.text, msg.options ?? {});
      // As JSON text, one string per top-level key: strings cross to the page far faster than
      // a large object graph, and the page can parse a long analysis a piece at a time.
      const keys = Object.keys(analysis);
      const parts = keys.map((key) => JSON.stringify(analysis[key]));
      self.postMessage({ type: 'result', id: msg.id, keys, parts, ms: performance.now() - started });
    } catch (error) {
      self.postMessage({ type: 'error', id: msg.id, error: message(error), fatal: error instanceof WebAssembly.RuntimeError });
    }
  }
};
