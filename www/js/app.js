// The page controller: input, analysis scheduling, rendering, selection and exports.

import { Cancelled, nextTask } from './engine.js';
import { highlightRenderer, indexAnalysis } from './highlight.js';
import { describeElement } from './describe.js';
import { PANEL_LIMIT, renderPressures, renderSources, renderSummary } from './panels.js';
import { analysisJson, sourcingReport } from './report.js';
import { Tooltip } from './tooltip.js';
import { formatCount, plural } from './dom.js';

/** Debounce before analysing after an edit, by text length. */
function debounceFor(length) {
  return length > 200_000 ? 600 : length > 20_000 ? 350 : 200;
}
/** Busy indicator shows only for analyses slower than this. */
const BUSY_DELAY_MS = 120;
/** Texts longer than this (UTF-16 units) are shown in steps, yielding to the page in between. */
const LONG_TEXT = 100_000;
/** Time slices for drawing a long text: the first one, then the next ones. */
const FIRST_SLICE_MS = 40;
const SLICE_MS = 12;
/** Largest file accepted by drop or "Open". */
const MAX_FILE_BYTES = 32 * 1024 * 1024;

/** Smooth scrolling, unless the visitor asked for less motion. */
function motion() {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}

/** The analysis with every list and the summary present, whatever an engine version left out. */
function normalise(analysis) {
  const list = (value) => (Array.isArray(value) ? value : []);
  return {
    ...analysis,
    sentences: list(analysis?.sentences),
    sources: list(analysis?.sources),
    attributions: list(analysis?.attributions),
    pressures: list(analysis?.pressures),
    summary: analysis?.summary && typeof analysis.summary === 'object' ? analysis.summary : {},
  };
}

/**
 * Starts the page. `engine` analyses text (see engine.js); `loadSample()` resolves to the
 * sample article.
 */
export function startApp({ engine, loadSample }) {
  const $ = (id) => document.getElementById(id);
  const ui = {
    text: $('text'),
    sample: $('sample'),
    clear: $('clear'),
    open: $('open'),
    file: $('file'),
    status: $('status'),
    error: $('error'),
    busy: $('busy'),
    view: $('highlights'),
    results: [...document.querySelectorAll('[data-results]')],
    summary: $('summary-body'),
    sources: $('sources-body'),
    pressures: $('pressures-body'),
    download: $('download'),
    copy: $('copy'),
    reportOut: $('report-out'),
    version: $('version'),
    layers: [...document.querySelectorAll('input[name="layer"]')],
  };
  const tooltip = new Tooltip($('tip'));
  const state = { text: '', analysis: null, index: null, selected: null, firsts: [], turn: 0, timer: 0, shown: 0, undrawn: false, drawing: 0, showAll: { sources: false, pressures: false } };

  // ---- analysis -------------------------------------------------------------------------

  function schedule() {
    clearTimeout(state.timer);
    const text = ui.text.value;
    state.timer = setTimeout(() => analyse(text), debounceFor(text.length));
  }

  async function analyse(text) {
    clearTimeout(state.timer);
    const turn = ++state.turn;
    const busyTimer = setTimeout(() => turn === state.turn && setBusy(`Analysing ${plural(text.length, 'character')}…`), BUSY_DELAY_MS);
    try {
      const { analysis, ms } = await engine.analyze(text);
      if (turn !== state.turn) return;
      setError(null);
      await show(text, analysis, ms, () => turn === state.turn);
    } catch (error) {
      if (error instanceof Cancelled || turn !== state.turn) return;
      setError(
        error.fatal
          ? `The engine failed on this text and was restarted; the previous result is still shown. Edit the text to try again. (${error.message})`
          : `Could not analyse this text: ${error.message}`,
      );
    } finally {
      clearTimeout(busyTimer);
      if (turn === state.turn) setBusy(null);
    }
  }

  /** Shows `message` with a spinner and marks the results busy; null clears it. */
  function setBusy(message) {
    for (const el of ui.results) el.setAttribute('aria-busy', String(Boolean(message)));
    ui.busy.hidden = !message;
    if (message) ui.busy.textContent = message;
  }

  function setError(message) {
    ui.error.hidden = !message;
    ui.error.textContent = message ?? '';
  }

  // ---- rendering ------------------------------------------------------------------------

  /** Shows a new analysis; resolves once the text is drawn (false if `current()` turned false). */
  async function show(text, raw, ms, current = () => true) {
    const analysis = normalise(raw);
    state.text = text;
    state.analysis = analysis;
    state.index = indexAnalysis(analysis);
    state.showAll = { sources: false, pressures: false };
    if (state.selected && !state.index.sources.has(state.selected)) state.selected = null;
    renderPanels();
    ui.download.disabled = ui.copy.disabled = false;
    ui.reportOut.hidden = true;
    ui.version.textContent = `sourcelens ${analysis.version ?? ''}`;
    ui.status.textContent = text.trim()
      ? `Analysed ${plural(text.length, 'character')} in ${formatCount(Math.max(1, Math.round(ms)))} ms: ` +
        `${plural(analysis.sources.length, 'source')}, ${plural(analysis.attributions.length, 'statement')}, ` +
        `${plural(analysis.pressures.length, 'pressure')}.`
      : 'Paste or type a news story above, or load the sample.';
    if (text.length > LONG_TEXT) {
      await nextTask(); // let the panels paint before the text is cut into pieces
      if (!current()) return false;
    }
    state.undrawn = true;
    return renderText(current);
  }

  /** Counts, on `body[data-analysed]`, each new analysis once its text is fully drawn. */
  function announceDrawn() {
    if (!state.undrawn) return;
    state.undrawn = false;
    document.body.dataset.analysed = String(++state.shown);
  }

  function renderPanels() {
    const { text, analysis, index } = state;
    renderSummary(ui.summary, analysis);
    renderSources(ui.sources, text, analysis, state.selected, state.showAll.sources ? Infinity : PANEL_LIMIT);
    renderPressures(ui.pressures, text, analysis, index, state.showAll.pressures ? Infinity : PANEL_LIMIT);
  }

  function activeLayers() {
    return new Set(ui.layers.filter((input) => input.checked).map((input) => input.value));
  }

  /**
   * Draws the highlighted text, a slice per task for long texts. Resolves to true when done,
   * false when a newer drawing or `current()` returning false stopped it.
   */
  async function renderText(current = () => true) {
    const token = ++state.drawing;
    tooltip.hide();
    if (!state.text.trim()) {
      ui.view.replaceChildren(Object.assign(document.createElement('p'), { className: 'empty', textContent: 'Nothing to show yet.' }));
      state.firsts = [];
      announceDrawn();
      return true;
    }
    ui.view.classList.toggle('long', state.text.length > LONG_TEXT);
    const renderer = highlightRenderer(ui.view, state.text, state.analysis, state.index, activeLayers());
    state.firsts = renderer.firsts;
    let budget = FIRST_SLICE_MS;
    while (!renderer.step(budget)) {
      if (budget === FIRST_SLICE_MS && state.firsts.length) state.firsts[0].tabIndex = 0;
      budget = SLICE_MS;
      setBusy(`Drawing highlights… ${Math.round(renderer.progress() * 100)}%`);
      await nextTask();
      if (token !== state.drawing || !current()) return false;
    }
    if (budget === SLICE_MS) setBusy(null);
    if (state.firsts.length && !ui.view.querySelector('.hl[tabindex="0"]')) state.firsts[0].tabIndex = 0;
    markSelection();
    announceDrawn();
    return true;
  }

  // ---- selection ------------------------------------------------------------------------

  function select(id, { scroll }) {
    state.selected = id && id !== state.selected ? id : null;
    for (const button of ui.sources.querySelectorAll('button[data-source]')) {
      button.setAttribute('aria-pressed', String(button.dataset.source === state.selected));
    }
    const first = markSelection();
    if (scroll && first) {
      first.scrollIntoView({ block: 'center', behavior: motion() });
    }
  }

  /** Outlines the selected source's highlights; returns the first. */
  function markSelection() {
    ui.view.classList.toggle('has-selection', Boolean(state.selected));
    for (const el of ui.view.querySelectorAll('.selected')) el.classList.remove('selected');
    if (!state.selected) return null;
    const marks = ui.view.querySelectorAll(`.hl[data-source="${CSS.escape(state.selected)}"]:not([data-kind="pressure"])`);
    for (const el of marks) el.classList.add('selected');
    return marks[0] ?? null;
  }

  function focusItem(el) {
    for (const other of ui.view.querySelectorAll('.hl[tabindex="0"]')) other.tabIndex = -1;
    el.tabIndex = 0;
    el.focus({ preventScroll: false });
  }

  // ---- tooltip --------------------------------------------------------------------------

  function showTip(el) {
    if (!state.index) return;
    tooltip.show(el, describeElement(state.text, state.index, el));
  }

  ui.view.addEventListener('mouseover', (event) => {
    const el = event.target.closest?.('.hl');
    if (el && ui.view.contains(el)) showTip(el);
  });
  ui.view.addEventListener('mouseleave', () => {
    if (!ui.view.contains(document.activeElement)) tooltip.hide();
    else if (document.activeElement.classList.contains('hl')) showTip(document.activeElement);
  });
  ui.view.addEventListener('focusin', (event) => {
    if (event.target.classList?.contains('hl')) showTip(event.target);
  });
  ui.view.addEventListener('focusout', (event) => {
    if (!ui.view.contains(event.relatedTarget)) tooltip.hide();
  });
  ui.view.addEventListener('click', (event) => {
    const el = event.target.closest?.('.hl');
    if (!el) return;
    focusItem(el.dataset.first === undefined ? ui.view.querySelector(`.hl[data-first][data-item="${CSS.escape(el.dataset.item)}"]`) ?? el : el);
    if (el.dataset.source && el.dataset.kind !== 'pressure') select(el.dataset.source, { scroll: false });
  });
  ui.view.addEventListener('keydown', (event) => {
    const current = event.target.closest?.('.hl[data-first]');
    if (!current) return;
    const i = state.firsts.indexOf(current);
    let next = null;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = state.firsts[i + 1];
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = state.firsts[i - 1];
    else if (event.key === 'Home') next = state.firsts[0];
    else if (event.key === 'End') next = state.firsts[state.firsts.length - 1];
    else if (event.key === 'Escape') {
      tooltip.hide();
      return;
    } else if (event.key === 'Enter' || event.key === ' ') {
      if (current.dataset.source && current.dataset.kind !== 'pressure') select(current.dataset.source, { scroll: false });
      event.preventDefault();
      return;
    } else return;
    event.preventDefault();
    if (next) focusItem(next);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') tooltip.hide();
  });
  for (const type of ['scroll', 'resize']) window.addEventListener(type, () => tooltip.reposition(), { passive: true });

  // ---- panels ---------------------------------------------------------------------------

  for (const panel of [ui.sources, ui.pressures]) {
    panel.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-show-all]');
      if (!button || !state.analysis) return;
      state.showAll[button.dataset.showAll] = true;
      renderPanels();
    });
  }
  ui.sources.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-source]');
    if (button) select(button.dataset.source, { scroll: true });
  });
  ui.pressures.addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-pressure]');
    if (!button) return;
    const layer = ui.layers.find((input) => input.value === 'pressure');
    if (layer && !layer.checked) {
      layer.checked = true;
      await renderText();
    }
    const target = ui.view.querySelector(`.hl[data-first][data-item="${CSS.escape(button.dataset.pressure)}"]`);
    if (target) {
      target.scrollIntoView({ block: 'center', behavior: motion() });
      focusItem(target);
    }
  });
  for (const input of ui.layers) input.addEventListener('change', () => state.analysis && renderText());

  // ---- input ----------------------------------------------------------------------------

  ui.text.addEventListener('input', schedule);
  ui.sample.addEventListener('click', async () => {
    try {
      ui.text.value = await loadSample();
      analyse(ui.text.value);
    } catch (error) {
      setError(`Could not load the sample: ${error.message}`);
    }
  });
  ui.clear.addEventListener('click', () => {
    ui.text.value = '';
    analyse('');
    ui.text.focus();
  });
  ui.open.addEventListener('click', () => ui.file.click());
  ui.file.addEventListener('change', () => {
    if (ui.file.files?.[0]) readFile(ui.file.files[0]);
    ui.file.value = '';
  });
  // A file dropped anywhere on the page is read (rather than opened by the browser, which
  // would leave the page); the input area shows that it will take it.
  const dropZone = ui.text.closest('section') ?? ui.text;
  const carriesFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes('Files');
  document.addEventListener('dragover', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    dropZone.classList.add('dragging');
  });
  document.addEventListener('dragleave', (event) => {
    if (!event.relatedTarget) dropZone.classList.remove('dragging');
  });
  document.addEventListener('drop', (event) => {
    dropZone.classList.remove('dragging');
    const file = event.dataTransfer?.files?.[0];
    if (!file) return;
    event.preventDefault();
    readFile(file);
  });

  async function readFile(file) {
    const textLike = file.type === '' || file.type.startsWith('text/') || /\.(txt|text|md)$/i.test(file.name);
    if (!textLike) return setError(`“${file.name}” is not a plain-text file; drop a .txt file.`);
    if (file.size > MAX_FILE_BYTES) return setError(`“${file.name}” is larger than 32 MB.`);
    try {
      ui.text.value = await file.text();
      analyse(ui.text.value);
    } catch (error) {
      setError(`Could not read “${file.name}”: ${error.message}`);
    }
  }

  // ---- exports --------------------------------------------------------------------------

  ui.download.addEventListener('click', () => {
    if (!state.analysis) return;
    const url = URL.createObjectURL(new Blob([analysisJson(state.analysis)], { type: 'application/json' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: 'sourcelens-analysis.json' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
  ui.copy.addEventListener('click', async () => {
    if (!state.analysis) return;
    const report = sourcingReport(state.text, state.analysis, state.index);
    ui.reportOut.value = report;
    try {
      await navigator.clipboard.writeText(report);
      ui.reportOut.hidden = true;
      ui.status.textContent = 'Sourcing report copied to the clipboard.';
    } catch {
      ui.reportOut.hidden = false;
      ui.reportOut.select();
      const copied = document.execCommand?.('copy');
      ui.status.textContent = copied ? 'Sourcing report copied to the clipboard.' : 'Select the report below and copy it.';
    }
  });

  // ---- start ----------------------------------------------------------------------------

  ui.download.disabled = ui.copy.disabled = true;
  (async () => {
    try {
      ui.text.value = await loadSample();
    } catch (error) {
      setError(`Could not load the sample: ${error.message}`);
    }
    await analyse(ui.text.value);
    document.body.dataset.ready = 'true';
  })();
}
