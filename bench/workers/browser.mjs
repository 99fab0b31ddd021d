// Navigation → first highlights in headless Chromium, a fresh browser (cold cache) per run.
//
//   node bench/workers/browser.mjs ARTICLE.txt RUNS
//
// Serves www/ with scripts/serve.mjs, answers the page's request for its
// sample text with ARTICLE.txt (the page analyses its sample on load), and
// reads, relative to the start of navigation:
//   - the page's own mark `sourcelens:first-highlights` when it sets one;
//   - otherwise the moment the first highlight element (`#highlights .hl`) is
//     inserted, seen by a MutationObserver installed before any page script.
// Also records the first contentful paint and DOMContentLoaded.
// Prints one JSON line: { method, header, rows, firstHighlightsMs, notes }.

import { existsSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../lib/load.mjs';
import { median } from '../lib/stats.mjs';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic'];
const PAGE_MARK = 'sourcelens:first-highlights';

/** Runs before any page script: notes when the first highlight element appears. */
function observeFirstHighlight() {
  const record = () => {
    if (window.__benchFirstHl === undefined && document.querySelector('#highlights .hl')) {
      window.__benchFirstHl = performance.now();
      requestAnimationFrame(() => setTimeout(() => (window.__benchFirstHlPainted = performance.now()), 0));
    }
  };
  const ready = () => {
    if (window.__benchReady === undefined && document.body?.dataset.ready === 'true') window.__benchReady = performance.now();
  };
  new MutationObserver(() => (record(), ready())).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-ready'] });
}

/** Navigates to `url` and waits until the first analysis is shown; returns the page's timings. */
async function navigate(page, url) {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(
    (mark) => performance.getEntriesByName(mark).length > 0 || window.__benchFirstHlPainted !== undefined || window.__benchReady !== undefined,
    PAGE_MARK,
    { timeout: 30_000 },
  );
  await page.waitForTimeout(50);
  return page.evaluate((mark) => {
    const nav = performance.getEntriesByType('navigation')[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    const pageMark = performance.getEntriesByName(mark)[0];
    return {
      pageMark: pageMark?.startTime ?? null,
      observed: window.__benchFirstHl ?? null,
      observedPainted: window.__benchFirstHlPainted ?? null,
      ready: window.__benchReady ?? null,
      fcp: fcp?.startTime ?? null,
      ttfb: nav?.responseStart ?? null,
      dcl: nav?.domContentLoadedEventEnd ?? null,
      load: nav?.loadEventEnd ?? null,
      marks: performance.getEntriesByType('mark').map((m) => m.name),
      // When the page's own requests finished: its scripts, the wasm and the sample text.
      scriptsLoaded: Math.max(0, ...performance.getEntriesByType('resource').filter((r) => /\.m?js$/.test(new URL(r.name).pathname)).map((r) => r.responseEnd)),
      wasmLoaded: performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'))?.responseEnd ?? null,
      sampleLoaded: performance.getEntriesByType('resource').find((r) => r.name.endsWith('sample.txt'))?.responseEnd ?? null,
      status: document.getElementById('status')?.textContent ?? '',
      highlights: document.querySelectorAll('#highlights .hl').length,
    };
  }, PAGE_MARK);
}

/** The first-highlights time of one navigation: the page's mark, else the observed element, else page ready. */
function firstHighlights(r) {
  return r.pageMark ?? r.observed ?? r.ready;
}

async function oneRun(chromium, url, article) {
  const profile = mkdtempSync(join(tmpdir(), 'sourcelens-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(observeFirstHighlight);
    await page.route('**/sample.txt', (route) => route.fulfill({ status: 200, contentType: 'text/plain; charset=utf-8', body: article }));
    const cold = await navigate(page, url);
    const warm = await navigate(page, url);
    return { ...cold, warm: firstHighlights(warm) };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function main() {
  const [file, runsArg] = process.argv.slice(2);
  const runs = Math.max(1, Number(runsArg) || 5);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found`);
  if (!existsSync(join(ROOT, 'www', 'index.html'))) throw new Error('www/index.html not found');
  const { chromium } = await import('playwright-core');
  const { serve } = await import(pathToFileURL(join(ROOT, 'scripts', 'serve.mjs')).href);
  const article = readFileSync(file, 'utf8');
  const server = await serve({ root: join(ROOT, 'www'), port: 0 });
  const results = [];
  try {
    for (let i = 0; i < runs; i++) results.push(await oneRun(chromium, server.url, article));
  } finally {
    await server.close();
  }
  const withMark = results.every((r) => r.pageMark !== null);
  const withElement = results.every((r) => r.observed !== null);
  const first = results.map(firstHighlights);
  const m = (k) => median(results.map((r) => r[k]).filter((x) => x !== null));
  const f = (x) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : '—');
  const how = withMark
    ? `the page's \`performance.mark('${PAGE_MARK}')\``
    : withElement
      ? `the insertion of the first \`#highlights .hl\` element (the page sets no \`${PAGE_MARK}\` mark; seen by a MutationObserver installed before the page scripts)`
      : `the page's \`data-ready\` flag after its first analysis (the page sets no \`${PAGE_MARK}\` mark and the engine found nothing to highlight)`;
  const method =
    `Headless Chromium (${CHROMIUM}), fresh profile and cold cache per run, ${runs} runs, median; www/ served by scripts/serve.mjs ` +
    `on localhost; the page's sample request is answered with the same ${Buffer.byteLength(article)}-byte article as the Node cold start. ` +
    `First highlights = time from navigation start to ${how}. "Warm reload" = the same in a second navigation of the same tab (HTTP and code caches warm).`;
  const notes = results[0]
    ? `Page status after the first run: “${results[0].status}” (${results[0].highlights} highlight elements). Marks seen: ${results[0].marks.join(', ') || 'none'}.`
    : '';
  console.log(
    JSON.stringify({
      method,
      header: ['first highlights (cold)', 'warm reload', 'first byte', 'page scripts loaded', '.wasm loaded', 'first contentful paint', 'DOMContentLoaded', 'analysis in the worker (page status)', 'runs (ms)'],
      rows: [[f(median(first)), f(m('warm')), f(m('ttfb')), f(m('scriptsLoaded')), f(m('wasmLoaded')), f(m('fcp')), f(m('dcl')), f(median(results.map((r) => Number(/in ([\d,]+) ms/.exec(r.status)?.[1]?.replace(/,/g, '') ?? NaN)).filter(Number.isFinite))), first.map((x) => (x ?? NaN).toFixed(0)).join(', ')]],
      firstHighlightsMs: median(first.filter((x) => x !== null)),
      notes,
      results,
    }),
  );
}

main().catch((e) => {
  console.error(`browser: ${e.stack || e}`);
  process.exit(1);
});
