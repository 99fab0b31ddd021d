// Shared set-up for the browser tests: Debian Chromium through playwright-core, the page
// served by scripts/serve.mjs under a deep sub-path, and the engine run in Node for
// comparison (the same wasm the page loads).
//
// Browser tests skip themselves when SOURCELENS_SKIP_BROWSER=1 or Chromium is missing.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WWW = join(ROOT, 'www');
export const RESULTS = join(ROOT, 'test-results');
export const CHROMIUM = process.env.SOURCELENS_CHROMIUM ?? '/usr/bin/chromium';
/** The seed article, read at run time only (never copied into the repository). */
export const SEED = join(ROOT, '..', 'shared', 'corpus', 'shafaq-iraq-syria.txt');
/** Where the page is served: a sub-path, to prove every URL is relative. */
export const SUB_PATH = 'deep/sub path/sourcelens/';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Why the browser tests cannot run here, or null when they can. */
export function skipReason() {
  if (process.env.SOURCELENS_SKIP_BROWSER === '1') return 'SOURCELENS_SKIP_BROWSER=1';
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
  if (!existsSync(join(WWW, 'pkg', 'sourcelens_bg.wasm'))) return 'www/pkg is not built (node scripts/build.mjs)';
  return null;
}

/** The sample article shipped with the page. */
export function sampleText() {
  return readFileSync(join(WWW, 'sample.txt'), 'utf8');
}

let nodeEngine = null;
/** Analyses `text` in Node with the page's own wasm (same results as the page's worker). */
export async function analyzeInNode(text) {
  if (!nodeEngine) {
    const glue = await import(join(WWW, 'pkg', 'sourcelens.js'));
    glue.initSync({ module: readFileSync(join(WWW, 'pkg', 'sourcelens_bg.wasm')) });
    nodeEngine = glue;
  }
  return nodeEngine.analyze(text, {});
}

/**
 * Serves `dir` (default www/) under SUB_PATH of a fresh server root, through a symlink.
 * Returns `{url, close()}` where `url` is the page's address.
 */
export async function servePage(dir = WWW) {
  const { serve } = await import(join(ROOT, 'scripts', 'serve.mjs'));
  const base = mkdtempSync(join(tmpdir(), 'sourcelens-e2e-'));
  const link = join(base, ...SUB_PATH.split('/').filter(Boolean));
  mkdirSync(dirname(link), { recursive: true });
  symlinkSync(dir, link, 'dir');
  const server = await serve({ root: base, port: 0 });
  return {
    origin: new URL(server.url).origin,
    url: new URL(SUB_PATH.split('/').map(encodeURIComponent).join('/'), server.url).href,
    close: async () => {
      await server.close();
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/** Launches Chromium with the flags it needs as root in a container. */
export async function launch() {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'sourcelens-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Opens the page in a new tab and waits until the sample is analysed. Records page errors,
 * console errors and every request URL on the returned `log`.
 */
export async function openPage(context, url, { viewport, colorScheme } = {}) {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  if (colorScheme) await page.emulateMedia({ colorScheme });
  const log = { errors: [], console: [], requests: [] };
  page.on('pageerror', (error) => log.errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && log.console.push(message.text()));
  // Context-wide, so that requests made by the worker are seen too.
  context.on('request', (request) => log.requests.push(request.url()));
  await page.goto(url);
  await page.waitForSelector('body[data-ready]', { timeout: 20_000 });
  return { page, log };
}

/**
 * Replaces the article text (as a paste would) and waits for its analysis to be shown.
 */
export async function setText(page, text, { timeout = 30_000 } = {}) {
  const before = await page.evaluate(() => Number(document.body.dataset.analysed ?? 0));
  await page.evaluate((value) => {
    const area = document.getElementById('text');
    area.value = value;
    area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
  await page.waitForFunction((n) => Number(document.body.dataset.analysed ?? 0) > n, before, { timeout });
  await page.waitForFunction(() => document.getElementById('busy').hidden, null, { timeout });
}

/**
 * Every highlight item on the page: `{item, kind, part, source, attribution, pressure, text}`,
 * the text being all of the item's fragments joined in document order.
 */
export async function highlightItems(page) {
  return page.evaluate(() => {
    const items = new Map();
    for (const el of document.querySelectorAll('#highlights [data-item]')) {
      const key = el.dataset.item;
      const entry = items.get(key) ?? {
        item: key,
        kind: el.dataset.kind,
        part: el.dataset.part ?? null,
        source: el.dataset.source ?? null,
        attribution: el.dataset.attribution ?? null,
        pressure: el.dataset.pressure ?? null,
        text: '',
      };
      entry.text += el.textContent;
      items.set(key, entry);
    }
    return [...items.values()];
  });
}

/** The spans the page should have drawn for `analysis`, keyed like `data-item`. */
export function expectedItems(analysis) {
  const out = new Map();
  for (const a of analysis.attributions) {
    a.content.forEach((span, i) => out.set(`${a.id}:${i}`, { kind: 'quote', span }));
    if (a.speaker) out.set(`${a.id}:speaker`, { kind: 'speaker', span: a.speaker });
    if (a.cue) out.set(`${a.id}:cue`, { kind: 'cue', span: a.cue });
  }
  for (const p of analysis.pressures) {
    out.set(p.id, { kind: 'pressure', span: p.span });
    if (p.target) out.set(`${p.id}:target`, { kind: 'pressure', span: p.target });
    if (p.demand) out.set(`${p.id}:demand`, { kind: 'pressure', span: p.demand });
    p.pressurers.forEach((span, i) => out.set(`${p.id}:pressurer${i}`, { kind: 'pressure', span }));
  }
  return out;
}

/** Ensures test-results/ exists and returns the path of `name` in it. */
export function resultPath(name) {
  mkdirSync(RESULTS, { recursive: true });
  return join(RESULTS, name);
}

/** A short text of my own with several kinds of source, for tests. */
export const SEVERAL_SOURCES = [
  'Harbour fees will rise by a fifth next spring, the port authority said on Friday.',
  '',
  '"We have no other way to pay for the new breakwater," said Ilse Moreau, the authority\'s chief executive.',
  '',
  'A shipping executive, speaking on condition of anonymity, said that two carriers had already threatened to move to a rival port.',
  '',
  'According to a report by the Baltic Freight Council, fees at the port are already the highest in the region.',
  '',
  '“This is a tax on every family that buys imported food,” said Paul Brenner, a member of the city council. Brenner urged the authority to delay the increase by a year.',
].join('\n');
