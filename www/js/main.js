// Entry point of the web page: the engine runs in a module worker loaded from ../pkg.

import { Engine, compileWasmUrl } from './engine.js';
import { startApp } from './app.js';

const module = compileWasmUrl(new URL('../pkg/sourcelens_bg.wasm', import.meta.url));
module.catch(() => {}); // reported by the first analysis

startApp({
  engine: new Engine({
    createWorker: () => new Worker(new URL('./worker.js', import.meta.url), { type: 'module' }),
    module,
  }),
  loadSample: async () => {
    const response = await fetch(new URL('../sample.txt', import.meta.url));
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    return response.text();
  },
});
