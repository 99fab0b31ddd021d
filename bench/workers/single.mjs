// One text, analysed by the sourcelens wasm module in its own process: time and peak memory.
//
//   node bench/workers/single.mjs TEXT.txt REPS
//
// Prints one JSON line: { bytes, runs: [wall ms], cpu: [process CPU ms], check, loadedRssKiB, peakRssKiB,
// wasmMemoryBytes }. `loadedRssKiB` is the resident set once the module is
// instantiated and the text read (before any analysis); `peakRssKiB` the
// process peak afterwards (getrusage maxrss); `wasmMemoryBytes` the size the
// wasm linear memory grew to (it never shrinks, so it is the wasm heap's peak).

import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadWasm } from '../lib/load.mjs';

async function main() {
  const [file, repsArg] = process.argv.slice(2);
  const reps = Math.max(1, Number(repsArg) || 1);
  const { analyze, memory } = await loadWasm();
  const text = readFileSync(file, 'utf8');
  const bytes = Buffer.byteLength(text);
  const wasmInitialBytes = memory.buffer.byteLength;
  globalThis.gc?.();
  const loadedRssKiB = Math.round(process.memoryUsage().rss / 1024);
  const options = { maxInputBytes: 1 << 30 };
  const runs = [];
  const cpu = [];
  let check = 0;
  for (let i = 0; i < reps; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const a = analyze(text, options);
    runs.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1e3);
    check += a.attributions.length + a.sentences.length;
  }
  const peakRssKiB = process.resourceUsage().maxRSS;
  console.log(
    JSON.stringify({ engine: 'wasm', bytes, runs, cpu, check, loadedRssKiB, peakRssKiB, wasmInitialBytes, wasmMemoryBytes: memory.buffer.byteLength }),
  );
}

main().catch((e) => {
  console.error(`single: ${e.stack || e}`);
  process.exit(1);
});
