#!/usr/bin/env node
// npm run eval: builds the native CLI, analyses every gold set in ../shared/eval
// and prints score.py's figures for each, plus the CLI's throughput.
// Skips with a message when ../shared is absent (outside the workplace).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = process.env.SOURCELENS_EVAL_DIR || resolve(root, '..', 'shared', 'eval');
const sets = (process.argv.slice(2).length ? process.argv.slice(2) : ['seed', 'polnear-dev', 'mcae-dev']);

if (!existsSync(join(evalDir, 'score.py'))) {
  console.log(`eval: skipped, no gold sets at ${evalDir} (they live beside the repository in ../shared/eval)`);
  process.exit(0);
}

const run = (cmd, args, opts = {}) => {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, ...opts });
  if (r.status !== 0) {
    process.stderr.write(r.stderr || '');
    throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}`);
  }
  return r;
};

run('cargo', ['build', '--release', '--quiet', '--bin', 'sourcelens'], { stdio: ['ignore', 'inherit', 'inherit'] });
const cli = join(root, 'target', 'release', 'sourcelens');
const out = mkdtempSync(join(tmpdir(), 'sourcelens-eval-'));
const python = spawnSync('python3', ['--version']).status === 0 ? 'python3' : 'python';

for (const name of sets) {
  const gold = join(evalDir, `${name}.jsonl`);
  if (!existsSync(gold)) {
    console.log(`\n== ${name}: no ${gold}, skipped`);
    continue;
  }
  const input = readFileSync(gold);
  const pred = join(out, `${name}.pred.jsonl`);
  // throughput: best of three runs of the CLI over the whole file
  let best = Infinity;
  let stdout = '';
  for (let i = 0; i < 3; i++) {
    const t0 = process.hrtime.bigint();
    const r = run(cli, ['analyze', '--jsonl', '--compact', '-'], { input });
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
    stdout = r.stdout;
  }
  writeFileSync(pred, stdout);
  const texts = input.toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text);
  const mb = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
  console.log(`\n== ${name} (${texts.length} articles, ${mb.toFixed(2)} MB of text; CLI ${(mb / best).toFixed(1)} MB/s incl. JSON in/out and process start)`);
  const score = run(python, [join(evalDir, 'score.py'), gold, pred]);
  process.stdout.write(score.stdout);
  if (name.startsWith('polnear')) {
    // PolNeAR joins `"…," she said. "…"` into one attribution; GUIDE.md does not
    const joined = join(out, `${name}.joined.pred.jsonl`);
    writeFileSync(joined, run(cli, ['analyze', '--jsonl', '--compact', '--join-split-quotes', '-'], { input }).stdout);
    const lines = run(python, [join(evalDir, 'score.py'), gold, joined]).stdout.split('\n').filter((l) => l.startsWith('attribution'));
    console.log(`-- with --join-split-quotes (PolNeAR's convention for split quotations):\n${lines.join('\n')}`);
  }
}
console.log(`\npredictions kept in ${out} (size ${statSync(out).size})`);
