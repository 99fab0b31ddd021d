// The Web Worker behind createWorkerAnalyzer() in browsers: loads the WebAssembly module on
// the first request (from the `wasmUrl` the page passed, else next to the glue) and serves
// requests one after the other.

import loadWasm, { analyze, version } from '../dist/sourcelens.js';
import { serve } from './worker-protocol.js';

let loading = null;

const handle = serve((message) => self.postMessage(message), { analyze, version }, () => loading);

self.addEventListener('message', (event) => {
  const wasmUrl = event.data?.wasmUrl;
  loading ??= loadWasm(wasmUrl === undefined ? undefined : { module_or_path: wasmUrl });
  handle(event.data);
});
