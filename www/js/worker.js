// The analysis worker: runs the WebAssembly engine off the page's main thread.
//
// Messages in:  {type: 'init', module: WebAssembly.Module}
//               {type: 'analyze', id, text, options}
// Messages out: {type: 'ready', version} | {type: 'failed', error}
//               {type: 'result', id, analysis, ms} | {type: 'error', id, error, fatal}
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
      self.postMessage({ type: 'result', id: msg.id, analysis, ms: performance.now() - started });
    } catch (error) {
      self.postMessage({ type: 'error', id: msg.id, error: message(error), fatal: error instanceof WebAssembly.RuntimeError });
    }
  }
};
