// The npm package as a consumer gets it: `npm pack`, install the tarball into a scratch
// project, then use it from Node ESM, type-check a TypeScript consumer with tsc, bundle a page
// with esbuild and run it in Chromium, and load it unbundled in a plain <script type="module">
// page with the worker analyzer. Every result must equal the repository's own analyze().

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { analyze } from '../../js/node.js';
import { assertAnalysis } from '../node/contract.mjs';
import { SAMPLES, UNAMBIGUOUS } from '../node/texts.mjs';
import { serve } from '../../scripts/serve.mjs';
import { browserSkip, launchChromium, openPage } from './browser.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Texts the consumers analyse (lone surrogates excluded: they do not survive every channel). */
const TEXTS = Object.entries({ ...SAMPLES, ...Object.fromEntries(UNAMBIGUOUS.map((u, i) => [`unambiguous${i}`, u.text])) })
  .filter(([name]) => name !== 'loneSurrogates');

/** Files the tarball must have, and paths it must not. */
const MUST_SHIP = ['package.json', 'README.md', 'dist/sourcelens.js', 'dist/sourcelens_bg.wasm', 'js/index.js', 'js/node.js', 'js/index.d.ts', 'js/segments.js', 'js/worker-browser.js', 'js/worker-node.js', 'js/worker-protocol.js', 'js/init-input.js', 'js/engine.js'];
const MUST_NOT_SHIP = /^(src|tests|scripts|www|target|node_modules|bench|fuzz|examples|\.ci)\//;

function du(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? du(path) : statSync(path).size;
  }
  return total;
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 120_000 });
  assert.equal(result.error, undefined, `${command} ${args.join(' ')}: ${result.error?.message}`);
  return result;
}

describe('npm package', { timeout: 300_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), 'sourcelens-npm-'));
  const app = join(work, 'consumer');
  let packed;

  before(() => {
    assert.ok(existsSync(join(root, 'dist', 'sourcelens_bg.wasm')), 'dist/ is not built: npm run build');
    const out = execFileSync(npm, ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' });
    packed = JSON.parse(out)[0];
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    const install = run(npm, ['install', '--no-audit', '--no-fund', '--offline', join(work, packed.filename)], app);
    assert.equal(install.status, 0, install.stderr);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  test('the tarball ships what consumers need and nothing else', (t) => {
    const files = packed.files.map((f) => f.path);
    for (const file of MUST_SHIP) assert.ok(files.includes(file), `${file} is missing from the tarball`);
    for (const file of files) assert.doesNotMatch(file, MUST_NOT_SHIP, `${file} must not be published`);
    const installed = du(join(app, 'node_modules', 'sourcelens'));
    t.diagnostic(`tarball ${packed.filename}: ${packed.size} bytes packed, ${packed.unpackedSize} unpacked, ${files.length} files; installed ${installed} bytes`);
    assert.ok(packed.size < 2_000_000, `the tarball is ${packed.size} bytes`);
  });

  test('package.json: ESM, exports map, engines, no side effects', () => {
    assert.equal(pkg.type, 'module');
    assert.equal(pkg.sideEffects, false);
    assert.equal(pkg.engines.node, '>=20');
    assert.deepEqual(Object.keys(pkg.exports['.']), ['types', 'node', 'default']);
    assert.ok(pkg.license && pkg.repository);
    for (const target of Object.values(pkg.exports['.'])) assert.ok(existsSync(join(root, target)), target);
  });

  const NODE_CONSUMERS = [
    {
      name: 'import init, { analyze } then await init()',
      code: `import init, { analyze } from 'sourcelens';
        await init();
        const texts = JSON.parse(process.argv[2]);
        console.log(JSON.stringify(texts.map((t) => analyze(t))));`,
    },
    {
      name: 'analyze without init (Node)',
      code: `import { analyze } from 'sourcelens';
        const texts = JSON.parse(process.argv[2]);
        console.log(JSON.stringify(texts.map((t) => analyze(t))));`,
    },
    {
      name: 'worker analyzer (worker_threads)',
      code: `import { createWorkerAnalyzer } from 'sourcelens';
        const worker = createWorkerAnalyzer();
        const texts = JSON.parse(process.argv[2]);
        const out = [];
        for (const t of texts) out.push(await worker.analyze(t));
        console.log(JSON.stringify(out));`,
    },
  ];
  for (const { name, code } of NODE_CONSUMERS) {
    test(`Node ESM consumer: ${name}`, () => {
      const file = join(app, `consumer-${NODE_CONSUMERS.findIndex((c) => c.name === name)}.mjs`);
      writeFileSync(file, code);
      const texts = TEXTS.map(([, text]) => text);
      const result = run(process.execPath, [file, JSON.stringify(texts)], app);
      assert.equal(result.status, 0, result.stderr);
      const analyses = JSON.parse(result.stdout);
      analyses.forEach((a, i) => {
        assertAnalysis(texts[i], a);
        assert.deepStrictEqual(a, analyze(texts[i]), TEXTS[i][0]);
      });
    });
  }

  const TS_CONSUMER = `import init, { analyze, createWorkerAnalyzer, segments, type Analysis, type AttributionKind, type Segment, type SourceType } from 'sourcelens';

await init();
const text = '"We will not back down," the minister said.';
const analysis: Analysis = analyze(text, { pressures: false, maxInputBytes: 1 << 20 });
const kinds: AttributionKind[] = analysis.attributions.map((a) => a.kind);
const types: SourceType[] = analysis.sources.map((s) => s.type);
const speakers: (string | null)[] = analysis.attributions.map((a) => (a.speaker ? text.slice(a.speaker.start, a.speaker.end) : null));
const runs: Segment[] = segments(text, analysis, { types: ['quote', 'speaker'] });
const share: number = analysis.summary.anonymousShare;
const worker = createWorkerAnalyzer();
const again: Analysis = await worker.analyze(text);
worker.terminate();
console.log(kinds, types, speakers, runs.length, share, again.version);
`;
  // Each line must NOT type-check: the types are precise, not \`any\`.
  const TS_MISTAKES = [
    `analyze(42);`,
    `analyze('x', { pressure: false });`,
    `analyze('x', { maxInputBytes: '10' });`,
    `const t: 'person' = analyze('x').sources[0].type;`,
    `const s: string = analyze('x').attributions[0].source;`,
    `segments('x', analyze('x'), { types: ['bold'] });`,
    `const n: number = analyze('x').summary.sourcesByType.politician;`,
  ];
  const TS_CONFIGS = {
    'Node (nodenext)': { module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022'], types: ['node'] },
    'bundler + DOM': { module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'dom'], types: [] },
  };
  for (const [name, options] of Object.entries(TS_CONFIGS)) {
    test(`TypeScript consumer type-checks (${name}) and mistakes do not`, () => {
      const dir = join(app, `ts-${name.replace(/\W+/g, '-')}`);
      mkdirSync(dir, { recursive: true });
      const compilerOptions = { target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, typeRoots: [join(root, 'node_modules', '@types')], ...options };
      // One tsc run for the good consumer, one for all the mistakes (one file each).
      const check = (sources) => {
        const files = sources.map((source, i) => {
          writeFileSync(join(dir, `consumer${i}.ts`), source);
          return `consumer${i}.ts`;
        });
        writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files }));
        return run(bin('tsc'), ['-p', dir], app);
      };
      const good = check([TS_CONSUMER]);
      assert.equal(good.status, 0, good.stdout + good.stderr);
      const bad = check(TS_MISTAKES.map((m) => `import { analyze, segments } from 'sourcelens';\n${m}\nexport {};\n`));
      assert.notEqual(bad.status, 0);
      TS_MISTAKES.forEach((mistake, i) => {
        assert.match(bad.stdout, new RegExp(`consumer${i}\\.ts\\(2,`), `tsc accepted: ${mistake}\n${bad.stdout}`);
      });
      assert.doesNotMatch(bad.stdout, /consumer\d+\.ts\((1|3),/, 'errors only on the mistakes');
    });
  }

  describe('in Chromium', { skip: browserSkip() }, () => {
    let browser;
    let server;
    before(async () => {
      browser = await launchChromium();
      server = await serve({ root: app, port: 0 });
    });
    after(async () => {
      await browser?.close();
      await server?.close();
    });

    test('an esbuild bundle of a consumer page gives the same analyses', async (t) => {
      writeFileSync(
        join(app, 'app.js'),
        `import init, { analyze, segments, version } from 'sourcelens';
         import wasmUrl from 'sourcelens/sourcelens_bg.wasm';
         await init({ module_or_path: wasmUrl });
         window.sourcelens = { analyze, segments, version };
         document.title = 'ready';`,
      );
      const site = join(app, 'site');
      mkdirSync(site, { recursive: true });
      writeFileSync(join(site, 'index.html'), '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>loading</title><div id="out"></div><script type="module" src="./app.js"></script>');
      const build = run(bin('esbuild'), ['app.js', '--bundle', '--format=esm', '--platform=browser', '--minify', '--outdir=site', '--loader:.wasm=file', '--log-level=warning'], app);
      assert.equal(build.status, 0, build.stderr);
      const bundle = readFileSync(join(site, 'app.js'));
      assert.doesNotMatch(bundle.toString(), /node:fs|worker_threads/, 'the browser bundle must not pull in the Node entry');
      t.diagnostic(`bundle: ${bundle.length} bytes (${gzipSync(bundle).length} gzipped) + the .wasm file`);

      const page = await openPage(browser, `${server.url}site/`);
      await page.waitForFunction(() => document.title === 'ready', null, { timeout: 20_000 });
      for (const [name, text] of TEXTS) {
        const got = await page.evaluate((tx) => window.sourcelens.analyze(tx), text);
        assert.deepStrictEqual(got, analyze(text), name);
      }
      // Rendering segments as text nodes gives back the text exactly.
      const rendered = await page.evaluate((tx) => {
        const out = document.getElementById('out');
        for (const run of window.sourcelens.segments(tx, window.sourcelens.analyze(tx))) {
          const node = document.createElement(run.layers.length ? 'mark' : 'span');
          node.textContent = run.text;
          node.dataset.layers = run.layers.map((l) => l.type).join(' ');
          out.append(node);
        }
        return out.textContent;
      }, SAMPLES.unicode);
      assert.equal(rendered, SAMPLES.unicode);
      assert.deepEqual(page.problems, []);
    });

    test('a plain <script type="module"> page: init, analyze, and the Web Worker analyzer agree', async () => {
      writeFileSync(
        join(app, 'plain.html'),
        `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>loading</title>
         <script type="module">
           import init, { analyze, createWorkerAnalyzer } from './node_modules/sourcelens/js/index.js';
           let early = null;
           try { analyze('x'); } catch (e) { early = e.message; }
           await init();
           window.sourcelens = { analyze, early, worker: createWorkerAnalyzer() };
           document.title = 'ready';
         </script>`,
      );
      const page = await openPage(browser, `${server.url}plain.html`);
      await page.waitForFunction(() => document.title === 'ready', null, { timeout: 20_000 });
      assert.match(await page.evaluate(() => window.sourcelens.early), /call `await init\(\)` first/);
      for (const [name, text] of TEXTS) {
        const [direct, viaWorker] = await page.evaluate(
          async (tx) => [window.sourcelens.analyze(tx), await window.sourcelens.worker.analyze(tx)],
          text,
        );
        assert.deepStrictEqual(viaWorker, direct, `worker = analyze: ${name}`);
        assert.deepStrictEqual(direct, analyze(text), `browser = Node: ${name}`);
      }
      const errors = await page.evaluate(async () => {
        const names = [];
        for (const args of [[42], ['abcdef', { maxInputBytes: 2 }]]) {
          try {
            await window.sourcelens.worker.analyze(...args);
            names.push('no error');
          } catch (e) {
            names.push(e.constructor.name);
          }
        }
        return names;
      });
      assert.deepEqual(errors, ['TypeError', 'RangeError']);
      assert.deepEqual(page.problems, []);
    });
  });
});
