#!/usr/bin/env node
// sourcelens benchmarks: `npm run bench` (= node bench/run.mjs).
//
//   node bench/run.mjs                 build, measure everything, write bench/RESULTS.md
//   node bench/run.mjs --no-build      measure the module already in dist/ and the native build as is
//   node bench/run.mjs --quick         fewer repetitions, no 100x input (a smoke run; writes bench/out/RESULTS.quick.md)
//   node bench/run.mjs --only=a,b      only these sections (throughput, sizes, cold, browser, scaling, footprint, stages, hostile);
//                                      writes bench/out/RESULTS.partial.md
//
// Every measurement runs in its own child process (bench/workers/*.mjs for
// Node, target/release/examples/bench_native for native Rust) on the same
// texts, written once to bench/out/. Raw figures go to bench/out/results.json.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants as zc, gzipSync } from 'node:zlib';
import { article, goldTexts, newsCorpus, rng } from './lib/corpus.mjs';
import { HOSTILE } from './lib/hostile.mjs';
import { functionSizes, groupSizes, sections } from './lib/wasm-sections.mjs';
import { findPkg, ROOT } from './lib/load.mjs';
import { mbps, median, range, sig, size, table } from './lib/stats.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const onlyArg = argv.find((a) => a.startsWith('--only='));
const SECTIONS = ['throughput', 'sizes', 'cold', 'browser', 'scaling', 'footprint', 'stages', 'hostile'];
const only = onlyArg ? new Set(onlyArg.slice(7).split(',')) : new Set(SECTIONS);
for (const a of argv) {
  if (!['--no-build', '--quick'].includes(a) && a !== onlyArg) fail(`unknown option ${a}`);
}
for (const s of only) if (!SECTIONS.includes(s)) fail(`unknown section ${s} (known: ${SECTIONS.join(', ')})`);
const QUICK = flag('--quick');

const OUT = join(ROOT, 'bench', 'out');
const NATIVE = join(ROOT, 'target', 'release', 'examples', 'bench_native');
const CLI = join(ROOT, 'target', 'release', 'sourcelens');
const SHARED_EVAL = join(ROOT, '..', 'shared', 'eval');
const WORKERS = join(ROOT, 'bench', 'workers');
/** A child that runs longer than this is stopped and reported as a timeout. */
const TIMEOUT_S = 240;

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}

function log(message) {
  console.log(`bench: ${message}`);
}

/** Runs a command to completion; returns { ok, stdout, stderr, status, ms, timedOut }. */
function run(cmd, args, { timeoutS = TIMEOUT_S, quiet = true, env } = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: timeoutS * 1e3,
    maxBuffer: 256 * 1024 * 1024,
    stdio: quiet ? 'pipe' : 'inherit',
    env: env ?? process.env,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const timedOut = r.error?.code === 'ETIMEDOUT' || r.signal === 'SIGTERM';
  return { ok: r.status === 0, stdout: r.stdout ?? '', stderr: r.stderr ?? '', status: r.status, ms, timedOut, error: r.error };
}

/** Runs a measurement process and parses the JSON on its last stdout line; failures become { error }. */
function measure(label, cmd, args, opts) {
  const r = run(cmd, args, opts);
  if (r.timedOut) {
    log(`${label}: timed out after ${opts?.timeoutS ?? TIMEOUT_S} s`);
    return { error: `timeout > ${opts?.timeoutS ?? TIMEOUT_S} s` };
  }
  if (!r.ok) {
    const why = (r.stderr || r.error?.message || '').trim().split('\n').slice(-3).join(' / ');
    log(`${label}: failed (${r.status}): ${why}`);
    return { error: `failed: ${why.slice(0, 200)}` };
  }
  const last = r.stdout.trim().split('\n').pop();
  try {
    return { ...JSON.parse(last), wallMs: r.ms };
  } catch {
    return { error: `unparsable output: ${last?.slice(0, 200)}` };
  }
}

const node = (worker, ...args) => [process.execPath, [join(WORKERS, worker), ...args.map(String)]];

// ---------------------------------------------------------------- environment

function environment() {
  const cpu = cpus()[0]?.model ?? 'unknown';
  const rustc = run('rustc', ['--version']).stdout.trim();
  const commit = run('git', ['rev-parse', '--short', 'HEAD']).stdout.trim();
  const dirty = run('git', ['status', '--porcelain', '--', 'src', 'Cargo.toml']).stdout.trim() ? ' (+ uncommitted changes in src/)' : '';
  const nproc = run('nproc', []).stdout.trim() || String(cpus().length);
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    cpu,
    nproc,
    memGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    rustc,
    commit: commit + dirty,
    loadStart: loadavg()[0],
  };
}

// ---------------------------------------------------------------- build

function build() {
  let nativeBuilt = true;
  let wasmStale = false;
  if (flag('--no-build')) {
    log('--no-build: using dist/ and target/release as they are');
  } else {
    log('building the wasm module (node scripts/build.mjs --no-cli)');
    const script = join(ROOT, 'scripts', 'build.mjs');
    const r = existsSync(script) ? run(process.execPath, [script, '--no-cli'], { timeoutS: 900 }) : { ok: false, stderr: 'scripts/build.mjs missing' };
    if (!r.ok) {
      wasmStale = true;
      log(`wasm build failed; measuring the module already in dist/ if any:\n${(r.stderr || r.stdout).split('\n').slice(-8).join('\n')}`);
    }
    log('building the native harness and CLI (cargo build --release --example bench_native --bin sourcelens)');
    const n = run('cargo', ['build', '--release', '--example', 'bench_native', '--bin', 'sourcelens'], { timeoutS: 900 });
    if (!n.ok) {
      // A stale binary would measure old code: leave the native figures out instead.
      log(`native build failed, native figures are skipped:\n${n.stderr.split('\n').slice(-12).join('\n')}`);
      nativeBuilt = false;
    }
  }
  const pkg = findPkg();
  if (!pkg) fail('no built wasm module in dist/ or www/pkg/');
  const wasmBuilt = new Date(statSync(join(pkg, 'sourcelens_bg.wasm')).mtimeMs).toISOString().replace(/\.\d+Z$/, 'Z');
  return { pkg, wasmBuilt, wasmStale, native: nativeBuilt && existsSync(NATIVE), cli: nativeBuilt && existsSync(CLI) };
}

// ---------------------------------------------------------------- inputs

function writeInputs() {
  mkdirSync(join(OUT, 'hostile'), { recursive: true });
  const news = newsCorpus(join(ROOT, 'bench', 'articles'));
  const inputs = { news: join(OUT, 'news.json') };
  writeFileSync(inputs.news, JSON.stringify(news));
  const gold = goldTexts(SHARED_EVAL);
  if (gold.length) {
    inputs.gold = join(OUT, 'gold.json');
    writeFileSync(inputs.gold, JSON.stringify(gold));
  }
  // A ~5 KB article for cold start: paragraphs of generated articles up to 5,000 bytes.
  const r = rng(5);
  const paras = [];
  let bytes = 0;
  while (bytes < 5000) {
    for (const p of article(r).split('\n\n')) {
      if (bytes >= 5000) break;
      paras.push(p.trim());
      bytes += Buffer.byteLength(p) + 2;
    }
  }
  inputs.article5k = join(OUT, 'article-5k.txt');
  writeFileSync(inputs.article5k, paras.join('\n\n') + '\n');
  // Scaling: the whole news corpus as one text, 1x / 10x / 100x.
  const one = news.join('\n\n');
  inputs.scale = [];
  for (const k of QUICK ? [1, 10] : [1, 10, 100]) {
    const f = join(OUT, `scale-${k}x.txt`);
    writeFileSync(f, Array(k).fill(one).join('\n\n'));
    inputs.scale.push({ k, file: f, bytes: statSync(f).size });
  }
  // The 1x and 10x texts as one-element JSON arrays, for per-stage growth.
  inputs.stageGrowth = [1, 10].map((k) => {
    const f = join(OUT, `scale-${k}x.json`);
    writeFileSync(f, JSON.stringify([Array(k).fill(one).join('\n\n')]));
    return { k, file: f };
  });
  // Hostile inputs and the ordinary news they are compared with, at the same size.
  const HOSTILE_BYTES = QUICK ? 500_000 : 2_000_000;
  const oneBytes = Buffer.byteLength(one);
  const reps = Math.ceil(HOSTILE_BYTES / oneBytes);
  const baseline = Buffer.from(Array(reps).fill(one).join('\n\n')).subarray(0, HOSTILE_BYTES).toString('utf8').replace(/\uFFFD+$/, '');
  inputs.hostileBaseline = join(OUT, 'hostile', 'ordinary-news.txt');
  writeFileSync(inputs.hostileBaseline, baseline);
  inputs.hostile = HOSTILE.map((h) => {
    const f = join(OUT, 'hostile', `${h.name}.txt`);
    writeFileSync(f, h.make(HOSTILE_BYTES));
    return { name: h.name, what: h.what, file: f, bytes: statSync(f).size };
  });
  return inputs;
}

// ---------------------------------------------------------------- sections

function logRate(m) {
  if (!m.error) log(`  ${sig(rate(m))} MB/s (CPU time), ${sig(mbps(m.bytes, wallMed(m)))} MB/s (wall), ${m.runs.length} passes`);
}

function throughput(inputs, built) {
  const reps = QUICK ? 3 : { sourcelens: 15, wink: 7, compromise: 5, scan: 15, native: 15, 'native-scan': 15 };
  const maxS = QUICK ? 5 : 20;
  const corpora = [['news', inputs.news], ...(inputs.gold ? [['gold', inputs.gold]] : [])];
  const out = {};
  for (const [name, file] of corpora) {
    out[name] = {};
    for (const engine of ['sourcelens', 'wink', 'compromise', 'scan']) {
      log(`throughput ${name}: ${engine}`);
      const n = QUICK ? 3 : reps[engine];
      out[name][engine] = measure(`${name}/${engine}`, ...node('throughput.mjs', engine, file, n, maxS));
      logRate(out[name][engine]);
    }
    if (built.native) {
      for (const [engine, mode] of [['native', 'throughput'], ['native-scan', 'scan']]) {
        log(`throughput ${name}: ${engine}`);
        const n = QUICK ? 3 : reps[engine];
        out[name][engine] = measure(`${name}/${engine}`, NATIVE, [mode, file, n, maxS]);
        logRate(out[name][engine]);
      }
    }
  }
  return out;
}

function gz(buf) {
  return gzipSync(buf, { level: 9 }).length;
}

function br(buf) {
  return brotliCompressSync(buf, { params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length;
}

function sizes(built) {
  const files = [];
  const add = (label, path) => {
    if (!existsSync(path)) return;
    const buf = readFileSync(path);
    files.push({ label, path: path.slice(ROOT.length + 1), raw: buf.length, gzip: gz(buf), brotli: br(buf) });
  };
  add('.wasm', join(built.pkg, 'sourcelens_bg.wasm'));
  add('JS glue (wasm-bindgen)', join(built.pkg, 'sourcelens.js'));
  const jsDir = join(ROOT, 'js');
  if (existsSync(jsDir)) {
    for (const f of readdirSync(jsDir).filter((f) => f.endsWith('.js')).sort()) add(`npm wrapper js/${f}`, join(jsDir, f));
  }
  if (built.cli) files.push({ label: 'native CLI binary', path: CLI.slice(ROOT.length + 1), raw: statSync(CLI).size });
  let pack = null;
  const p = run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts']);
  if (p.ok) {
    try {
      const [info] = JSON.parse(p.stdout);
      pack = { filename: info.filename, size: info.size, unpackedSize: info.unpackedSize, entryCount: info.entryCount, files: info.files.map((f) => f.path) };
    } catch (e) {
      pack = { error: `npm pack output unreadable: ${e.message}` };
    }
  } else {
    pack = { error: `npm pack failed: ${p.stderr.trim().split('\n').slice(-2).join(' / ')}` };
  }
  return { files, pack, composition: composition(built) };
}

/** Files under `dir` (recursively) whose names match `pattern`. */
function filesUnder(dir, pattern) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name), pattern) : pattern.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/**
 * What the shipped .wasm is made of: its sections (raw and gzipped alone), the word lists the
 * crate embeds, and code bytes per crate/module from cargo's output before wasm-opt (which
 * still has the function names).
 */
function composition(built) {
  const shipped = join(built.pkg, 'sourcelens_bg.wasm');
  const bytes = readFileSync(shipped);
  const secs = sections(bytes).map((x) => {
    const body = bytes.subarray(x.start, x.start + x.size);
    return { name: x.name, raw: x.size, gzip: gz(body) };
  });
  const lists = filesUnder(join(ROOT, 'src'), /\.(txt|tsv)$/);
  const listBuf = Buffer.concat(lists.map((f) => readFileSync(f)));
  const words = { files: lists.length, raw: listBuf.length, gzip: gz(listBuf) };
  const cargoWasm = join(ROOT, 'target', 'wasm32-unknown-unknown', 'release', 'sourcelens.wasm');
  let groups = null;
  if (existsSync(cargoWasm)) {
    const fns = functionSizes(readFileSync(cargoWasm));
    if (fns.length) {
      const total = fns.reduce((n, f) => n + f.size, 0);
      groups = { total, top: groupSizes(fns).slice(0, 14), largest: fns.slice(0, 8).map((f) => ({ name: f.path.join('::'), size: f.size })) };
      groups.staleBy = Math.round((statSync(shipped).mtimeMs - statSync(cargoWasm).mtimeMs) / 1e3);
    }
  }
  return { sections: secs, words, groups };
}

function cold(inputs) {
  const n = QUICK ? 3 : 11;
  const runs = [];
  for (let i = 0; i < n; i++) runs.push(measure('cold start', ...node('coldstart.mjs', inputs.article5k)));
  return { runs };
}

function browser(inputs) {
  const n = QUICK ? 2 : 5;
  return measure('browser', ...node('browser.mjs', inputs.article5k, n), { timeoutS: 300 });
}

/** Longest a 100x measurement may be predicted to take (from the 10x one) before it is skipped. */
const SCALE_BUDGET_S = 240;

function scaling(inputs, built) {
  const out = [];
  for (const { k, file, bytes } of inputs.scale) {
    const reps = k === 1 ? 5 : k === 10 ? 2 : 1;
    const row = { k, bytes };
    const prev = out.find((r) => r.k * 10 === k);
    for (const [key, label, go] of [
      ['wasm', 'wasm', () => measure(`scale ${k}x wasm`, ...node('single.mjs', file, reps), { timeoutS: 1.5 * SCALE_BUDGET_S })],
      ['native', 'native library', () => (built.native ? measure(`scale ${k}x native`, NATIVE, ['single', file, reps], { timeoutS: 1.5 * SCALE_BUDGET_S }) : null)],
      ['cli', 'native CLI under /usr/bin/time -v', () => (built.cli && k <= 10 ? timeCli(file, bytes) : null)],
    ]) {
      // A superlinear engine would blow the time budget at 100x: predict from 10x, with the
      // growth seen from 1x to 10x, and skip.
      const first = out[0]?.[key];
      const growth = first && !first.error && prev !== out[0] ? Math.max(10, wallMed(prev?.[key]) / wallMed(first)) : 10;
      const predictedS = prev?.[key] && !prev[key].error ? (growth * wallMed(prev[key])) / 1e3 : 0;
      if (predictedS > SCALE_BUDGET_S) {
        row[key] = { error: `skipped: 10× took ${sig(wallMed(prev[key]) / 1e3)} s, so ${k}× would take about ${sig(predictedS)} s` };
        log(`scaling ${k}x: ${label}: ${row[key].error}`);
        continue;
      }
      log(`scaling ${k}x (${size(bytes)}): ${label}`);
      const m = go();
      if (m) {
        row[key] = m;
        if (!m.error) log(`  ${ms(tm(m))} CPU, ${ms(wallMed(m))} wall`);
      }
    }
    out.push(row);
  }
  return out;
}

/** Heap bytes per pipeline stage (native, counting allocator) on the 10x text. */
function footprint(inputs, built) {
  if (!built.native) return { error: 'native harness not built' };
  const ten = inputs.scale.find((x) => x.k === 10) ?? inputs.scale[0];
  return measure('footprint', NATIVE, ['footprint', ten.file], { timeoutS: 2 * SCALE_BUDGET_S });
}

/** The native CLI on one file (JSON to /dev/null) under GNU time: wall time and max RSS. */
function timeCli(file, bytes) {
  if (!existsSync('/usr/bin/time')) return { error: '/usr/bin/time missing' };
  const r = run('/bin/sh', ['-c', `/usr/bin/time -v "$0" analyze --compact --max-bytes ${bytes + 1} "$1" > /dev/null`, CLI, file], { timeoutS: 600 });
  if (!r.ok) return { error: `failed: ${r.stderr.trim().split('\n').slice(-2).join(' / ').slice(0, 200)}` };
  const wall = r.stderr.match(/Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/);
  const rss = r.stderr.match(/Maximum resident set size \(kbytes\): (\d+)/);
  const user = r.stderr.match(/User time \(seconds\): ([\d.]+)/);
  const sys = r.stderr.match(/System time \(seconds\): ([\d.]+)/);
  const wallMs = wall ? ((Number(wall[1] ?? 0) * 60 + Number(wall[2])) * 60 + Number(wall[3])) * 1e3 : NaN;
  const cpuMs = user && sys ? (Number(user[1]) + Number(sys[1])) * 1e3 : NaN;
  return { bytes, runs: [wallMs], cpu: [cpuMs], peakKiB: rss ? Number(rss[1]) : NaN };
}

function stages(inputs, built) {
  if (!built.native) return { error: 'native harness not built' };
  const out = measure('stages', NATIVE, ['stages', inputs.news, QUICK ? 3 : 15, QUICK ? 5 : 30]);
  // Each stage on the 1x and the 10x text as one text: a stage growing faster than its input shows here.
  out.growth = inputs.stageGrowth.map(({ k, file }) => {
    log(`stages on the ${k}x text as one text`);
    return { k, ...measure(`stages ${k}x`, NATIVE, ['stages', file, 3, 1], { timeoutS: SCALE_BUDGET_S }) };
  });
  return out;
}

/** Longest one hostile-input analysis may run before it is stopped and reported as a timeout. */
const HOSTILE_TIMEOUT_S = 60;

function hostile(inputs, built) {
  const one = (file) => {
    const r = {
      wasm: measure(`hostile ${file} wasm`, ...node('single.mjs', file, 1), { timeoutS: HOSTILE_TIMEOUT_S }),
      native: built.native ? measure(`hostile ${file} native`, NATIVE, ['single', file, 1], { timeoutS: HOSTILE_TIMEOUT_S }) : { error: 'not built' },
    };
    log(`  wasm ${r.wasm.error ?? ms(tm(r.wasm)) + ' CPU'}, native ${r.native.error ?? ms(tm(r.native)) + ' CPU'}`);
    return r;
  };
  log('hostile: ordinary news baseline');
  const baseline = { name: 'ordinary news (baseline)', bytes: statSync(inputs.hostileBaseline).size, ...one(inputs.hostileBaseline) };
  const cases = inputs.hostile.map((h) => {
    log(`hostile: ${h.name}`);
    return { ...h, ...one(h.file) };
  });
  return { baseline, cases };
}

// ---------------------------------------------------------------- report

/** The timings a measurement is judged on: on-CPU time when recorded, else wall-clock. */
const timings = (m) => (m && !m.error ? (m.cpu?.length && m.cpu.every(Number.isFinite) ? m.cpu : m.runs ?? []) : []);
/** Median time (CPU when recorded) of a measurement, NaN when it failed. */
const tm = (m) => (timings(m).length ? median(timings(m)) : NaN);
/** Median wall-clock time of a measurement. */
const wallMed = (m) => (m && !m.error && m.runs?.length ? median(m.runs) : NaN);
const rate = (m) => mbps(m?.bytes, tm(m));
const spread = (m) => {
  if (!m || m.error || !timings(m).length) return m?.error ?? '—';
  const [lo, hi] = range(timings(m).map((r) => mbps(m.bytes, r)));
  return `${sig(lo)}–${sig(hi)} (n=${m.runs.length})`;
};
const times = (x) => (Number.isFinite(x) ? `${sig(x)}×` : '—');
const ms = (x) => (Number.isFinite(x) ? `${sig(x)} ms` : '—');
const mib = (kib) => (Number.isFinite(kib) ? `${sig(kib / 1024)} MiB` : '—');
const verdict = (ok) => (ok === undefined ? 'not measured' : ok ? 'met' : '**missed**');

function report(env, built, res) {
  const md = [];
  const targets = [];
  md.push('# sourcelens benchmark results', '');
  md.push(
    `Generated by \`npm run bench\` (\`node bench/run.mjs${argv.length ? ' ' + argv.join(' ') : ''}\`) on ${env.date}.`,
    `Machine: ${env.nproc} cores (${env.cpu}), ${env.memGiB} GiB RAM; Node ${env.node}; ${env.rustc}; commit ${env.commit}.`,
    `Module measured: \`${built.pkg.slice(ROOT.length + 1)}/\` (built ${built.wasmBuilt}${built.wasmStale ? '; **the build failed, so this is an older module**' : ''}). MB = 10^6 bytes of UTF-8. Each figure comes from its own process.`,
    `Load average (1 min) at start ${sig(env.loadStart, 2)}, at end ${sig(env.loadEnd, 2)} on ${env.nproc} cores: the cores may be shared with other work, so times`,
    'are **on-CPU time** of the measuring process (Node `process.cpuUsage()`, Rust `CLOCK_THREAD_CPUTIME_ID`, CLI user+sys), with',
    'wall-clock shown alongside; on an idle machine the two agree.',
    '',
  );
  const headerLen = md.length;

  if (res.throughput) {
    md.push('## Throughput', '');
    md.push(
      'One call per article, one warm-up pass, then repeated timed passes; median MB/s with min–max over passes.',
      'sourcelens = the wasm module in Node (analysis returned as a JS object); wink = `readDoc` + sentences + entities;',
      'compromise = `nlp()` + quotations + people; scan = one pass counting quotation marks (JS loop / Rust `chars()`);',
      'native = `sourcelens::analyze` in a release build.',
      '',
    );
    for (const [corpus, by] of Object.entries(res.throughput)) {
      const any = Object.values(by).find((m) => m && !m.error);
      const desc = corpus === 'news' ? 'news written for the bench (bench/articles + templates in bench/lib/corpus.mjs)' : 'gold article texts from ../shared/eval (seed, polnear-dev, mcae-dev), read at run time';
      md.push(`### ${corpus}: ${any ? `${any.texts} texts, ${size(any.bytes)}` : ''} — ${desc}`, '');
      const sl = rate(by.sourcelens);
      const rows = Object.entries(by).map(([engine, m]) => [
        engine,
        m.error ?? sig(rate(m)),
        m.error ? '—' : sig(mbps(m.bytes, wallMed(m))),
        spread(m),
        engine === 'sourcelens' ? '1×' : times(sl / rate(m)),
      ]);
      md.push(table(['engine', 'MB/s (CPU time, median)', 'MB/s (wall, median)', 'spread, MB/s CPU', 'sourcelens wasm ÷ this'], rows), '');
      if (corpus === 'news') {
        targets.push(['wasm throughput ≥ 20 MB/s', `${sig(sl)} MB/s`, verdict(Number.isFinite(sl) ? sl >= 20 : undefined)]);
        const w = sl / rate(by.wink);
        const c = sl / rate(by.compromise);
        targets.push(['≥ 10× wink-nlp', times(w), verdict(Number.isFinite(w) ? w >= 10 : undefined)]);
        targets.push(['≥ 100× compromise', times(c), verdict(Number.isFinite(c) ? c >= 100 : undefined)]);
        const scan = sl / rate(by.scan);
        md.push(`sourcelens (wasm) runs at ${times(scan)} the speed of the JS one-pass scan; native sourcelens at ${times(rate(by.native) / rate(by['native-scan']))} the native scan; wasm at ${times(sl / rate(by.native))} native.`, '');
      }
    }
  }

  if (res.sizes) {
    md.push('## Sizes', '');
    const rows = res.sizes.files.map((f) => [f.label, `\`${f.path}\``, size(f.raw), f.gzip ? size(f.gzip) : '—', f.brotli ? size(f.brotli) : '—']);
    md.push(table(['artefact', 'file', 'raw', 'gzip -9', 'brotli q11'], rows), '');
    const p = res.sizes.pack;
    if (p?.error) md.push(`npm tarball: ${p.error}`, '');
    else if (p) md.push(`npm tarball (\`npm pack --dry-run --json\`): ${p.filename}, ${size(p.size)} packed, ${size(p.unpackedSize)} unpacked, ${p.entryCount} files: ${p.files.map((f) => `\`${f}\``).join(', ')}.`, '');
    const c = res.sizes.composition;
    if (c) {
      md.push(
        '### What the .wasm is made of',
        '',
        table(['section', 'raw', 'gzip -9 (alone)'], c.sections.map((x) => [x.name, size(x.raw), size(x.gzip)])),
        '',
        `The crate embeds ${c.words.files} word-list files from src/ (\`include_str!\`): ${size(c.words.raw)} raw, ${size(c.words.gzip)} gzipped — most of the data section.`,
        '',
      );
      if (c.groups) {
        md.push(
          `Code bytes per crate / sourcelens module, from cargo's wasm before wasm-opt (${size(c.groups.total)} of code; wasm-opt -Oz shrinks it, so read the shares, not the sizes)` +
            (Math.abs(c.groups.staleBy) > 600 ? `; note: that file is ${sig(Math.abs(c.groups.staleBy) / 60)} min ${c.groups.staleBy > 0 ? 'older' : 'newer'} than the shipped .wasm.` : '.'),
          '',
          table(['crate or module', 'code bytes', 'share'], c.groups.top.map((g) => [g.group, size(g.size), `${sig((100 * g.size) / c.groups.total, 2)} %`])),
          '',
          `Largest functions: ${c.groups.largest.map((f) => `\`${f.name}\` (${size(f.size)})`).join(', ')}.`,
          '',
        );
      }
    }
    const wasm = res.sizes.files.find((f) => f.label === '.wasm');
    targets.push(['.wasm ≤ 150 KB gzipped', wasm ? size(wasm.gzip) : '—', verdict(wasm ? wasm.gzip <= 150e3 : undefined)]);
  }

  if (res.cold) {
    md.push('## Cold start (Node)', '');
    const ok = res.cold.runs.filter((r) => !r.error);
    const fails = res.cold.runs.filter((r) => r.error);
    if (ok.length) {
      const m = (k) => median(ok.map((r) => r[k]));
      md.push(
        `Fresh \`node\` process per run (${ok.length} runs, median, wall-clock), loading via ${ok[0].via}; first analysis of a ${size(ok[0].bytes)} article.`,
        '',
        table(
          ['import module', 'compile + instantiate wasm', 'first analysis', 'import → first result', 'process start → first result (incl. Node boot)', 'process CPU to first result', 'second analysis, same text', 'whole process (spawn → exit)'],
          [[ms(m('importMs')), ms(m('initMs')), ms(m('firstMs')), ms(m('totalMs')), ms(m('sinceProcessStartMs')), ms(m('processCpuMs')), ms(m('secondMs')), ms(m('wallMs'))]],
        ),
        '',
      );
      targets.push(['Node cold start ≤ 50 ms (import + init + first 5 KB)', ms(m('totalMs')), verdict(m('totalMs') <= 50)]);
    }
    if (fails.length) md.push(`${fails.length} cold-start runs failed: ${fails[0].error}`, '');
  }

  if (res.browser) {
    md.push('## First highlights in Chromium', '');
    const b = res.browser;
    if (b.error) md.push(`Not measured: ${b.error}`, '');
    else {
      md.push(b.method, '');
      if (b.rows?.length) md.push(table(b.header, b.rows), '');
      if (b.notes) md.push(b.notes, '');
      if (Number.isFinite(b.firstHighlightsMs)) {
        targets.push(['first highlights ≤ 150 ms (Chromium, cold)', ms(b.firstHighlightsMs), verdict(b.firstHighlightsMs <= 150)]);
      }
    }
  }

  if (res.scaling) {
    md.push('## Scaling', '');
    md.push(
      'The news corpus concatenated into one text, repeated 1×, 10×, 100×. Time = median analysis time (wasm: `analyze()` in Node;',
      'native: `analyze_with()`; CLI: the whole process, JSON written to /dev/null; the CLI is run at 1× and 10× only). Peak memory: wasm = process',
      'max RSS (getrusage) and the size the wasm linear memory grew to; native = VmHWM; CLI = max RSS from `/usr/bin/time -v`.',
      '"Growth" = time ÷ time of the 1× row.',
      '',
    );
    const base = res.scaling[0];
    const rows = [];
    for (const r of res.scaling) {
      for (const [key, label] of [['wasm', 'wasm (Node)'], ['native', 'native library'], ['cli', 'native CLI']]) {
        const m = r[key];
        if (!m) continue;
        const t = tm(m);
        const peak = key === 'wasm' ? m.peakRssKiB : m.peakKiB;
        const extra = m.error
          ? ''
          : key === 'wasm'
            ? `wasm memory ${size(m.wasmMemoryBytes)}; RSS before analysis ${mib(m.loadedRssKiB)}`
            : key === 'native'
              ? `RSS before analysis ${mib(m.loadedRssKiB)}`
              : '';
        rows.push([`${r.k}×`, size(r.bytes), label, m.error ?? ms(t), m.error ? '—' : ms(wallMed(m)), m.error ? '—' : sig(mbps(r.bytes, t)), r.k === 1 ? '1×' : times(t / tm(base[key])), m.error ? '—' : mib(peak), extra]);
      }
    }
    md.push(table(['input', 'size', 'engine', 'time (CPU)', 'time (wall)', 'MB/s (CPU)', 'time growth', 'peak memory', 'notes'], rows), '');
    const big = res.scaling.find((r) => r.k === 100);
    if (big) {
      const g = tm(big.wasm) / tm(base.wasm);
      targets.push(['100× input ≤ 110× time (wasm)', big.wasm?.error ? big.wasm.error : times(g), verdict(Number.isFinite(g) ? g <= 110 : undefined)]);
      if (big.wasm && !big.wasm.error) {
        // Memory attributable to the analysis: what the process grew beyond its size before
        // the analysis (the wasm heap plus the JS result objects outside it).
        const grown = (big.wasm.peakRssKiB - big.wasm.loadedRssKiB) * 1024;
        const ratio = grown / big.bytes;
        targets.push(['peak memory ≤ 20× input (wasm, 100×: RSS growth during analysis ÷ input)', `${sig(ratio)}× (${size(grown)} for ${size(big.bytes)})`, verdict(ratio <= 20)]);
        md.push(`At 100×, the wasm linear memory grew to ${sig(big.wasm.wasmMemoryBytes / big.bytes)}× the input; the process RSS grew by ${sig(ratio)}× the input during the analysis.`, '');
      }
      if (big.native && !big.native.error) {
        const ratio = ((big.native.peakKiB - big.native.loadedRssKiB) * 1024) / big.bytes;
        targets.push(['peak memory ≤ 20× input (native, 100×: VmHWM growth ÷ input)', `${sig(ratio)}×`, verdict(ratio <= 20)]);
      }
    }
  }

  const fp = res.footprint;
  if (fp) {
    md.push('### Heap per stage (native)', '');
    if (fp.error) md.push(`Not measured: ${fp.error}`, '');
    else {
      const x = (b) => `${sig(b / fp.bytes)}×`;
      md.push(
        `Heap bytes counted by a counting global allocator while analysing the ${size(fp.bytes)} text, as multiples of the input: "kept" = what the`,
        'stage\'s result holds afterwards, "peak" = the most the heap grew above its level before the stage.',
        '',
        table(['stage', 'kept', 'peak'], fp.rows.map((r) => [r.stage, x(r.kept), x(r.peak)])),
        '',
      );
    }
  }

  if (res.stages) {
    md.push('## Pipeline stages (native, news corpus)', '');
    const s = res.stages;
    if (s.error) md.push(`Not measured: ${s.error}`, '');
    else {
      const t = (name) => {
        const x = s.stages.find((y) => y.stage === name);
        return x ? tm(x) : NaN;
      };
      const whole = t('analyze (whole)');
      const run = t('pipeline::run');
      const inside = ['tokens::tokenize', 'quotes::find', 'sentences::split', 'lexicon::Lowered::new', 'attribution::find', 'coref::link', 'sourcetypes::classify', 'pressures::find'];
      const rows = [];
      const stageRows = [];
      const share = (x) => `${sig((100 * x) / whole, 2)} %`;
      const push = (name, x, note = '') => {
        rows.push([name, ms(x), sig(mbps(s.bytes, x)), share(x), note]);
        return { name, x };
      };
      push('analyze (whole)', whole, 'pipeline::run + Findings::into_analysis');
      push('pipeline::run', run, 'all stages below');
      for (const name of inside) if (Number.isFinite(t(name))) stageRows.push(push(`  ${name}`, t(name)));
      const sum = stageRows.reduce((n, r) => n + r.x, 0);
      const rest = run - sum;
      if (rest > 0) stageRows.push(push('  rest of pipeline::run', rest, 'pipeline::run minus the stages above (source numbering, spans)'));
      else rows.push(['  rest of pipeline::run', '≤ 0', '—', '—', `the stages timed alone add up to ${ms(sum)}, more than pipeline::run: timing noise`]);
      const net = t('Findings::into_analysis') - t('Findings::clone');
      stageRows.push(push('Findings::into_analysis', net, 'UTF-16 table + output model (clone of its input subtracted)'));
      push('serde_json::to_string', t('serde_json::to_string'), 'CLI output only, not part of analyze');
      md.push(
        `Each stage timed on its own over the ${s.texts} texts (${size(s.bytes)}) with its real inputs; median on-CPU time per pass; share = of \`analyze\`.`,
        '',
        table(['stage', 'median per pass', 'MB/s', 'share of analyze', 'note'], rows),
        '',
      );
      const [g1, g10] = s.growth ?? [];
      if (g1 && g10 && !g1.error && !g10.error) {
        const at = (g, name) => {
          const x = g.stages.find((y) => y.stage === name);
          return x ? Math.min(...timings(x)) : NaN;
        };
        const names = ['analyze (whole)', 'pipeline::run', ...inside, 'Findings::into_analysis', 'serde_json::to_string'];
        const growthRows = names
          .filter((n) => Number.isFinite(at(g1, n)))
          .map((n) => {
            const r = at(g10, n) / at(g1, n);
            return [n, ms(at(g1, n)), ms(at(g10, n)), r > 15 ? `**${times(r)}**` : times(r)];
          });
        md.push(
          `Growth per stage: each stage run on the 1× text (${size(g1.bytes)}) and on the 10× text (${size(g10.bytes)}) as single texts (CPU time, best of 3).`,
          'A linear stage grows about 10× (more when its arrays outgrow the caches); bold = over 15×, a stage that grows faster than its input.',
          '',
          table(['stage', '1× text', '10× text', 'growth'], growthRows),
          '',
        );
      }
      const slowest = [...stageRows].sort((a, b) => b.x - a.x)[0];
      if (slowest) {
        res.slowestStage = `${slowest.name.trim()} (${share(slowest.x)} of analyze)`;
        md.push(`Slowest stage: **${slowest.name.trim()}** (${ms(slowest.x)} per pass, ${share(slowest.x)} of \`analyze\`).`, '');
      }
    }
  }

  if (res.hostile) {
    md.push('## Hostile inputs', '');
    const h = res.hostile;
    const perByte = (m, bytes) => tm(m) / bytes;
    const bw = perByte(h.baseline.wasm, h.baseline.bytes);
    const bn = perByte(h.baseline.native, h.baseline.bytes);
    const bwWall = wallMed(h.baseline.wasm) / h.baseline.bytes;
    md.push(
      `Each input is generated in code (bench/lib/hostile.mjs) at about ${size(h.baseline.bytes)} and analysed once as one text, in its own process, stopped after`,
      `${HOSTILE_TIMEOUT_S} s. "× news" = CPU time per byte ÷ that of ${size(h.baseline.bytes)} of ordinary news from the corpus (target ≤ 3×); for a`,
      'stopped run it is a lower bound from the wall-clock limit.',
      '',
    );
    const ratio = (m, bytes, base, isBase) => {
      if (isBase) return '1×';
      if (m.error?.startsWith('timeout')) return `> ${times((HOSTILE_TIMEOUT_S * 1e3) / bytes / bwWall)}`;
      return m.error ? '—' : times(perByte(m, bytes) / base);
    };
    const row = (c) => {
      const isBase = c === h.baseline;
      return [c.name, c.what ?? '', size(c.bytes), c.wasm.error ?? ms(tm(c.wasm)), c.wasm.error ? '—' : `${sig(perByte(c.wasm, c.bytes) * 1e6)} ns`, ratio(c.wasm, c.bytes, bw, isBase), c.native.error ?? ms(tm(c.native)), ratio(c.native, c.bytes, bn, isBase)];
    };
    md.push(table(['input', 'what', 'size', 'wasm time', 'wasm per byte', 'wasm × news', 'native time', 'native × news'], [row(h.baseline), ...h.cases.map(row)]), '');
    const worst = h.cases
      .map((c) => ({ c, x: c.wasm.error ? Infinity : perByte(c.wasm, c.bytes) / bw }))
      .sort((a, b) => b.x - a.x)[0];
    if (worst) {
      const shown = Number.isFinite(worst.x) ? times(worst.x) : ratio(worst.c.wasm, worst.c.bytes, bw, false);
      targets.push(['hostile inputs ≤ 3× time per byte of news (worst case, wasm)', `${shown} (${worst.c.name})`, verdict(worst.x <= 3)]);
    }
  }

  const head = ['## Targets', '', table(['target', 'measured', 'verdict'], targets), ''];
  return [...md.slice(0, headerLen), ...head, ...md.slice(headerLen)].join('\n');
}

// ---------------------------------------------------------------- main

const started = Date.now();
const env = environment();
log(`${env.date}, ${env.nproc} cores, ${env.cpu}, load ${sig(env.loadStart, 2)}, commit ${env.commit}`);
const built = build();
log('writing inputs to bench/out/');
const inputs = writeInputs();
const res = {};
const save = () => writeFileSync(join(OUT, 'results.json'), JSON.stringify({ env, argv, built, inputs, res }, null, 1));
const section = (name, fn) => {
  if (!only.has(name)) return;
  log(`== ${name}`);
  res[name] = fn();
  save();
};
section('throughput', () => throughput(inputs, built));
section('sizes', () => sizes(built));
section('cold', () => cold(inputs));
section('browser', () => browser(inputs));
section('scaling', () => scaling(inputs, built));
section('footprint', () => footprint(inputs, built));
section('stages', () => stages(inputs, built));
section('hostile', () => hostile(inputs, built));
env.loadEnd = loadavg()[0];
save();

const md = report(env, built, res) + `\nTotal benchmark time: ${sig((Date.now() - started) / 1e3)} s.\n`;
const target = QUICK ? join(OUT, 'RESULTS.quick.md') : onlyArg ? join(OUT, 'RESULTS.partial.md') : join(ROOT, 'bench', 'RESULTS.md');
writeFileSync(target, md);
log(`wrote ${target.slice(ROOT.length + 1)} in ${sig((Date.now() - started) / 1e3)} s`);
console.log('\n' + md);
