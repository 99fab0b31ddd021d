// Entry point of the single-file offline page (scripts/build-single.mjs bundles it).
// The worker's code, the wasm and the sample are inlined at build time as strings.

/* global SOURCELENS_WORKER_SOURCE, SOURCELENS_WASM_BASE64, SOURCELENS_SAMPLE */
import { Engine } from './engine.js';
import { startApp } from './app.js';

function base64Bytes(base64) {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const workerUrl = URL.createObjectURL(new Blob([SOURCELENS_WORKER_SOURCE], { type: 'text/javascript' }));
const module = WebAssembly.compile(base64Bytes(SOURCELENS_WASM_BASE64));
module.catch(() => {}); // reported by the first analysis

startApp({
  engine: new Engine({ createWorker: () => new Worker(workerUrl), module }),
  loadSample: async () => SOURCELENS_SAMPLE,
});
