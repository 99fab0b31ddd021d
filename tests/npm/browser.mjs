// Headless Chromium for the tests, through playwright-core and the system browser
// (/usr/bin/chromium or CHROMIUM_PATH; never a downloaded one).
//
//   const skip = browserSkip();                 // false, or why the browser tests must skip
//   const browser = await launchChromium();
//   const page = await openPage(browser, url);  // fails the test on page errors
//
// Without Chromium the browser tests skip, except under CI=true where they fail: CI runs
// scripts/setup.sh, which installs it.

import { existsSync } from 'node:fs';

/** The browser binary. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Flags for headless Chromium run as root in a container. */
export const CHROMIUM_FLAGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]);

/** `false` when the browser tests can run, else the reason to skip them. */
export function browserSkip() {
  if (existsSync(CHROMIUM)) return false;
  if (process.env.CI === 'true') return false; // let launchChromium fail loudly
  if (process.env.SOURCELENS_SKIP_BROWSER === '1') return 'SOURCELENS_SKIP_BROWSER=1';
  return `no Chromium at ${CHROMIUM} (bash scripts/setup.sh installs it; CHROMIUM_PATH picks another)`;
}

/** Starts headless Chromium (a fresh temporary profile each time). */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_FLAGS] });
}

/**
 * Opens `url` in a new page and records what went wrong on it: uncaught errors, console
 * errors and failed or 4xx/5xx requests (`page.problems`).
 */
export async function openPage(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') page.problems.push(`console error: ${message.text()}`);
  });
  page.on('requestfailed', (request) => page.problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
  page.on('response', (response) => {
    if (response.status() >= 400) page.problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  return page;
}
