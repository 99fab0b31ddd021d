// The native CLI (target/release/sourcelens, built by `npm run build`) and the WebAssembly
// module must give the same analysis for the same text. Reads ../shared's eval texts at run
// time when they exist (never copies them), and skips those checks cleanly when they do not.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../js/node.js';
import { assertAnalysis } from './contract.mjs';
import { SAMPLES, UNAMBIGUOUS } from './texts.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'target', 'release', 'sourcelens');
const shared = join(root, '..', 'shared', 'eval');
const noCli = existsSync(cli) ? false : 'target/release/sourcelens is not built (npm run build)';
const EVAL_FILES = ['seed.jsonl', 'mcae-dev.jsonl', 'polnear-dev.jsonl'];

function sourcelens(args, input) {
  const run = spawnSync(cli, args, { input, encoding: 'utf8', maxBuffer: 1 << 30, timeout: 120_000 });
  assert.equal(run.error, undefined, `sourcelens ${args.join(' ')}: ${run.error?.message}`);
  return run;
}

describe('native CLI = WebAssembly module', { skip: noCli }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'sourcelens-cli-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  // Lone surrogates cannot be written as UTF-8: that sample is for JavaScript callers only.
  const files = Object.entries({ ...SAMPLES, ...Object.fromEntries(UNAMBIGUOUS.map((u, i) => [`unambiguous${i}`, u.text])) })
    .filter(([name]) => name !== 'loneSurrogates');
  for (const [name, text] of files) {
    test(`analyze FILE: ${name}`, () => {
      const file = join(dir, `${name}.txt`);
      writeFileSync(file, text);
      const run = sourcelens(['analyze', file]);
      assert.equal(run.status, 0, run.stderr);
      assert.deepStrictEqual(JSON.parse(run.stdout), analyze(text));
    });
  }

  const FLAGS = [
    { name: 'standard input, compact', args: ['analyze', '--compact', '-'], options: undefined },
    { name: '--no-pressures', args: ['analyze', '--no-pressures', '-'], options: { pressures: false } },
    { name: '--max-bytes at the size', args: ['analyze', '--max-bytes', String(Buffer.byteLength(SAMPLES.unicode)), '-'], options: {} },
  ];
  for (const { name, args, options } of FLAGS) {
    test(`flags: ${name}`, () => {
      const run = sourcelens(args, SAMPLES.unicode);
      assert.equal(run.status, 0, run.stderr);
      if (args.includes('--compact')) assert.equal(run.stdout.trim().split('\n').length, 1);
      assert.deepStrictEqual(JSON.parse(run.stdout), analyze(SAMPLES.unicode, options));
    });
  }

  test('--max-bytes below the size: the same refusal as RangeError in JavaScript', () => {
    const run = sourcelens(['analyze', '--max-bytes', '5', '-'], 'abcdef');
    assert.notEqual(run.status, 0);
    // From standard input the CLI stops reading at the limit, so it may not know the full size.
    assert.match(run.stderr, /input is (6|more than 5) bytes.*limit/);
    assert.throws(() => analyze('abcdef', { maxInputBytes: 5 }), RangeError);
  });

  test('--jsonl keeps ids and gives one analysis per line', () => {
    const lines = Object.entries(SAMPLES)
      .filter(([name]) => name !== 'loneSurrogates')
      .map(([id, text]) => JSON.stringify({ id, text }));
    const run = sourcelens(['analyze', '--jsonl'], lines.join('\n') + '\n');
    assert.equal(run.status, 0, run.stderr);
    const out = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(out.length, lines.length);
    for (const analysis of out) {
      const { id, ...rest } = analysis;
      assert.deepStrictEqual(rest, analyze(SAMPLES[id]));
    }
  });

  for (const name of EVAL_FILES) {
    const path = join(shared, name);
    test(`--jsonl over ../shared/eval/${name}`, { skip: existsSync(path) ? false : `${path} is not there` }, () => {
      const input = readFileSync(path, 'utf8');
      const gold = input.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
      const run = sourcelens(['analyze', '--jsonl', '--compact', path]);
      assert.equal(run.status, 0, run.stderr);
      const out = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
      assert.equal(out.length, gold.length);
      out.forEach((analysis, i) => {
        const { id, ...rest } = analysis;
        assert.equal(id, gold[i].id);
        const wasm = analyze(gold[i].text);
        assertAnalysis(gold[i].text, wasm);
        assert.deepStrictEqual(rest, wasm, `article ${gold[i].id}`);
      });
    });
  }
});
