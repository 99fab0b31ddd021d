// When the engine traps, the page says so briefly, keeps the last good result, and recovers
// on the next input with a fresh worker. The trap is injected by serving a copy of the page
// whose glue throws WebAssembly.RuntimeError for a marked text and stays broken afterwards,
// as a trapped instance would: only a new worker can analyse again.
//
// The npm module's browser entry (js/index.js) on the page's main thread recovers too: a real
// panic (the test-only export __sourcelensTestTrap) throws a clear Error and the module is
// re-instantiated, so that later analyses equal the ones made before the trap. The test trap
// panics deep in the stack, whose frames a trap never pops: an instance that is not replaced
// fails after a few rounds.

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, SEVERAL_SOURCES, WWW, analyzeInNode, launch, openPage, sampleText, servePage, skipReason } from './harness.mjs';

const skip = skipReason() ?? false;
const MARKER = '\u2620TRAP';

const FAULTY_GLUE = `// test double: the real glue, made to trap on ${JSON.stringify(MARKER)} and stay trapped
export * from './sourcelens_real.js';
import { analyze as realAnalyze } from './sourcelens_real.js';
let trapped = false;
export function analyze(text, options) {
  if (trapped || String(text).includes(${JSON.stringify(MARKER)})) {
    trapped = true;
    throw new WebAssembly.RuntimeError('unreachable');
  }
  return realAnalyze(text, options);
}
`;

describe('recovery from an engine trap', { skip }, () => {
  let dir;
  let server;
  let browser;
  let page;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sourcelens-trap-'));
    cpSync(WWW, dir, { recursive: true, filter: (src) => !src.endsWith('sourcelens-offline.html') });
    renameSync(join(dir, 'pkg', 'sourcelens.js'), join(dir, 'pkg', 'sourcelens_real.js'));
    writeFileSync(join(dir, 'pkg', 'sourcelens.js'), FAULTY_GLUE);
    server = await servePage(dir);
    browser = await launch();
    ({ page } = await openPage(browser.context, server.url));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function type(text) {
    await page.evaluate((value) => {
      const area = document.getElementById('text');
      area.value = value;
      area.dispatchEvent(new InputEvent('input', { bubbles: true }));
    }, text);
  }

  test('a trap shows a short error and keeps the last result', async () => {
    assert.equal(await page.textContent('#highlights'), sampleText());
    await type(`${SEVERAL_SOURCES}\n${MARKER}`);
    await page.waitForSelector('#error:not([hidden])', { timeout: 10_000 });
    const message = await page.textContent('#error');
    assert.match(message, /failed/);
    assert.match(message, /restarted/);
    assert.ok(message.length < 300, 'the message is short');
    assert.equal(await page.textContent('#highlights'), sampleText(), 'the previous result stays');
    assert.equal(await page.locator('#busy').isHidden(), true, 'not left busy');
  });

  test('the next input is analysed by a fresh worker and the error goes away', async () => {
    const n = await page.evaluate(() => Number(document.body.dataset.analysed));
    await type(SEVERAL_SOURCES);
    await page.waitForFunction((before) => Number(document.body.dataset.analysed) > before, n, { timeout: 10_000 });
    assert.equal(await page.textContent('#highlights'), SEVERAL_SOURCES);
    assert.equal(await page.locator('#error').isHidden(), true);
    assert.ok((await page.locator('#highlights [data-kind]').count()) > 0);
  });
});

/** A page that loads the npm module's browser entry unbundled, as README's <script type="module"> example. */
const MODULE_PAGE = `<!doctype html>
<meta charset="utf-8"><link rel="icon" href="data:,"><title>loading</title>
<script type="module">
  import init, { analyze, __sourcelensTestTrap } from './js/index.js';
  await init();
  window.sourcelens = {
    analyze: (text) => JSON.stringify(analyze(text)),
    trap() {
      try {
        __sourcelensTestTrap();
        return null;
      } catch (e) {
        return {
          isError: e instanceof Error,
          isRuntimeError: e instanceof WebAssembly.RuntimeError,
          message: e.message,
          causeIsRuntimeError: e.cause instanceof WebAssembly.RuntimeError,
          causeMessage: e.cause?.message,
        };
      }
    },
  };
  document.title = 'ready';
</script>
`;

/** Rounds of trap-then-analyze: an instance that is not replaced gives out after 3 or 4. */
const ROUNDS = 8;

describe('recovery from an engine trap: js/index.js on the main thread', { skip }, () => {
  let dir;
  let server;
  let browser;
  let page;
  const consoleErrors = [];
  const pageErrors = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sourcelens-module-trap-'));
    symlinkSync(join(ROOT, 'js'), join(dir, 'js'), 'dir');
    symlinkSync(join(ROOT, 'dist'), join(dir, 'dist'), 'dir');
    writeFileSync(join(dir, 'index.html'), MODULE_PAGE);
    server = await servePage(dir);
    browser = await launch();
    page = await browser.context.newPage();
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(server.url);
    await page.waitForFunction(() => document.title === 'ready', null, { timeout: 20_000 });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test(`trap, analyze, ${ROUNDS} times: a clear Error each time, then the same analyses as before`, async () => {
    const texts = [sampleText(), SEVERAL_SOURCES];
    const expected = [];
    for (const text of texts) {
      const first = await page.evaluate((t) => window.sourcelens.analyze(t), text);
      assert.deepStrictEqual(JSON.parse(first), await analyzeInNode(text), 'the page and Node agree');
      expected.push(first);
    }
    for (let round = 1; round <= ROUNDS; round++) {
      const logged = consoleErrors.length;
      const error = await page.evaluate(() => window.sourcelens.trap());
      assert.ok(error, `round ${round}: the test trap threw`);
      assert.equal(error.isError, true);
      assert.equal(error.isRuntimeError, false, 'not the bare trap');
      assert.match(error.message, /^sourcelens\.__sourcelensTestTrap: the analysis crashed \(RuntimeError: unreachable\)/);
      assert.match(error.message, /the WebAssembly module was reset/);
      assert.equal(error.causeIsRuntimeError, true, 'the trap is the cause');
      assert.equal(error.causeMessage, 'unreachable');
      const panics = consoleErrors.slice(logged).filter((m) => /panicked at .*test trap \(__sourcelensTestTrap\)/s.test(m));
      assert.equal(panics.length, 1, `round ${round}: the panic hook logged the panic (${consoleErrors.slice(logged)})`);
      for (const [i, text] of texts.entries()) {
        assert.equal(await page.evaluate((t) => window.sourcelens.analyze(t), text), expected[i], `round ${round}, text ${i}`);
      }
    }
    assert.deepEqual(pageErrors, []);
  });
});
