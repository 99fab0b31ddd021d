// One throughput measurement in its own process.
//
//   node bench/workers/throughput.mjs ENGINE TEXTS.json REPS MAX_SECONDS
//
// ENGINE: sourcelens | wink | compromise | scan. Every engine gets the same
// texts, one call per text (as a page would), one untimed warm-up pass, then
// up to REPS timed passes (at least 3, stopping once MAX_SECONDS are spent).
// Prints one JSON line: { engine, bytes, texts, runs: [wall ms per pass], cpu: [process CPU ms
// per pass], check }. CPU time keeps the figures meaningful when other work shares the cores.

import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadWasm } from '../lib/load.mjs';

/** Process CPU time (user + system) of a `process.cpuUsage()` delta, in milliseconds. */
function cpuMs(usage) {
  return (usage.user + usage.system) / 1e3;
}

/** Per-engine setup: returns a function analysing one text and returning a count (the checksum). */
const ENGINES = {
  async sourcelens() {
    const { analyze } = await loadWasm();
    const options = { maxInputBytes: 1 << 30 };
    return (t) => analyze(t, options).attributions.length;
  },
  async wink() {
    const { default: winkNLP } = await import('wink-nlp');
    const { default: model } = await import('wink-eng-lite-web-model');
    const nlp = winkNLP(model);
    const its = nlp.its;
    // readDoc + sentences + entities, read out so the work is not skipped.
    return (t) => {
      const doc = nlp.readDoc(t);
      return doc.sentences().out().length + doc.entities().out(its.detail).length;
    };
  },
  async compromise() {
    const { default: nlp } = await import('compromise');
    // quotations + people.
    return (t) => {
      const doc = nlp(t);
      return doc.quotations().out('array').length + doc.people().out('array').length;
    };
  },
  async scan() {
    // The one-pass ceiling: read every UTF-16 unit once, count quotation marks.
    const QUOTES = new Set([0x22, 0x201c, 0x201d, 0x2018, 0x2019, 0xab, 0xbb]);
    return (t) => {
      let n = 0;
      for (let i = 0; i < t.length; i++) if (QUOTES.has(t.charCodeAt(i))) n++;
      return n;
    };
  },
};

async function main() {
  const [engine, file, repsArg, maxArg] = process.argv.slice(2);
  if (!ENGINES[engine]) throw new Error(`unknown engine ${engine} (known: ${Object.keys(ENGINES).join(', ')})`);
  const texts = JSON.parse(readFileSync(file, 'utf8'));
  const reps = Math.max(1, Number(repsArg) || 5);
  const maxMs = (Number(maxArg) || 30) * 1e3;
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const one = await ENGINES[engine]();
  const pass = () => {
    let c = 0;
    for (const t of texts) c += one(t);
    return c;
  };
  let check = pass();
  const runs = [];
  const cpu = [];
  const started = performance.now();
  while (runs.length < reps) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    check += pass();
    runs.push(performance.now() - t0);
    cpu.push(cpuMs(process.cpuUsage(c0)));
    if (runs.length >= 3 && performance.now() - started > maxMs) break;
  }
  const maxRssKiB = process.resourceUsage().maxRSS;
  console.log(JSON.stringify({ engine, bytes, texts: texts.length, runs, cpu, check, maxRssKiB }));
}

main().catch((e) => {
  console.error(`throughput: ${e.stack || e}`);
  process.exit(1);
});
