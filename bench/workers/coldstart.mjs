// Cold start in a fresh Node process: import + init + first analysis of a ~5 KB article.
//
//   node bench/workers/coldstart.mjs ARTICLE.txt
//
// Uses the npm module's Node entry (package.json `exports["."].node`) when it
// exists, else the web glue in dist/ with a synchronous init. Prints one JSON
// line with milliseconds: import (glue module evaluated), init (wasm compiled
// and instantiated), first (first analysis returned), total (script start to
// first result), sinceProcessStart (Node's own start-up included) and processCpu
// (CPU time of the whole process up to the first result).

import { performance } from 'node:perf_hooks';

const t0 = performance.now();

async function main() {
  const { readFileSync, existsSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { pathToFileURL } = await import('node:url');
  const { ROOT, findPkg } = await import('../lib/load.mjs');
  const text = readFileSync(process.argv[2], 'utf8');
  const tHarness = performance.now();

  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const nodeEntry = pkg.exports?.['.']?.node;
  let analyze;
  let via;
  let tImport;
  let tInit;
  if (typeof nodeEntry === 'string' && existsSync(join(ROOT, nodeEntry))) {
    via = `package entry ${nodeEntry}`;
    const mod = await import(pathToFileURL(join(ROOT, nodeEntry)).href);
    tImport = performance.now();
    // Load explicitly when the entry allows it, so that loading and the first analysis are timed apart.
    if (typeof mod.initSync === 'function') mod.initSync();
    else if (typeof mod.init === 'function') await mod.init();
    else if (typeof mod.default === 'function') await mod.default();
    analyze = mod.analyze ?? mod.default?.analyze;
    tInit = performance.now();
  } else {
    const dir = findPkg();
    via = `web glue ${dir.slice(ROOT.length + 1)}/sourcelens.js + initSync`;
    const glue = await import(pathToFileURL(join(dir, 'sourcelens.js')).href);
    tImport = performance.now();
    glue.initSync({ module: readFileSync(join(dir, 'sourcelens_bg.wasm')) });
    analyze = glue.analyze;
    tInit = performance.now();
  }
  let result = analyze(text);
  if (result && typeof result.then === 'function') result = await result;
  const tFirst = performance.now();
  const cpu = process.cpuUsage();
  // The same text again: the difference from the first call is one-time work (lazy wasm
  // compilation and tier-up, lexicon set-up) rather than analysis.
  analyze(text);
  const secondMs = performance.now() - tFirst;
  const harness = tHarness - t0;
  console.log(
    JSON.stringify({
      via,
      bytes: Buffer.byteLength(text),
      attributions: result.attributions.length,
      importMs: tImport - tHarness,
      initMs: tInit - tImport,
      firstMs: tFirst - tInit,
      secondMs,
      totalMs: tFirst - tHarness,
      harnessMs: harness,
      sinceProcessStartMs: tFirst,
      processCpuMs: (cpu.user + cpu.system) / 1e3,
    }),
  );
}

main().catch((e) => {
  console.error(`coldstart: ${e.stack || e}`);
  process.exit(1);
});
