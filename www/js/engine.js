// Runs analyses in a Web Worker, one at a time, newest first.
//
// A new request while one is running terminates the busy worker (the old result would be
// thrown away anyway), so a long text never delays the next keystroke's analysis. A trap in
// the engine, or any failure of the worker, discards the worker; the next request starts a
// fresh one from the already compiled module.

/** JSON characters parsed before letting the page handle input and paint. */
const PARSE_SLICE_CHARS = 500_000;

/** Resolves at the next task. */
export function nextTask() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** Rejection reason of a request overtaken by a newer one; callers ignore it. */
export class Cancelled extends Error {
  constructor() {
    super('superseded by a newer analysis');
    this.name = 'Cancelled';
  }
}

/** Compiles the wasm at `url`, streaming when the server sends `application/wasm`. */
export async function compileWasmUrl(url) {
  try {
    return await WebAssembly.compileStreaming(fetch(url));
  } catch {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`cannot load the engine (${response.status} ${response.statusText})`);
    return WebAssembly.compile(await response.arrayBuffer());
  }
}

/** The analysis engine behind the page. */
export class Engine {
  #createWorker;
  #module;
  #worker = null;
  #pending = null; // {id, resolve, reject}
  #seq = 0;
  /** The engine version, once a worker has started. */
  version = null;
  /** Number of workers started so far (a replaced worker counts again). */
  workersStarted = 0;

  /**
   * `createWorker()` returns a new Worker running worker.js; `module` is a promise of the
   * compiled WebAssembly.Module handed to each worker.
   */
  constructor({ createWorker, module }) {
    this.#createWorker = createWorker;
    this.#module = module;
  }

  /**
   * Analyses `text`: resolves to `{analysis, ms}`; rejects with {@link Cancelled} when a newer
   * request overtakes it, and with an Error (`fatal` when the engine trapped) when it fails.
   */
  async analyze(text, options = {}) {
    const id = ++this.#seq;
    if (this.#pending) this.#discard(new Cancelled());
    const module = await this.#module;
    if (id !== this.#seq) throw new Cancelled();
    const worker = this.#ensureWorker(module);
    const { keys, parts, ms } = await new Promise((resolve, reject) => {
      this.#pending = { id, resolve, reject };
      worker.postMessage({ type: 'analyze', id, text, options });
    });
    const analysis = {};
    let parsed = 0;
    for (const [i, key] of keys.entries()) {
      if (parsed > PARSE_SLICE_CHARS) {
        parsed = 0;
        await nextTask();
        if (id !== this.#seq) throw new Cancelled();
      }
      try {
        analysis[key] = JSON.parse(parts[i]);
      } catch (error) {
        throw new Error(`the engine's answer could not be read: ${error.message}`);
      }
      parsed += parts[i].length;
    }
    return { analysis, ms };
  }

  #ensureWorker(module) {
    if (this.#worker) return this.#worker;
    const worker = this.#createWorker();
    this.workersStarted++;
    worker.onmessage = (event) => this.#receive(worker, event.data ?? {});
    worker.onerror = (event) => {
      event.preventDefault?.();
      if (worker === this.#worker) this.#discard(new Error(event.message || 'the analysis worker failed'));
    };
    worker.onmessageerror = () => {
      if (worker === this.#worker) this.#discard(new Error('the analysis could not be read back from the worker'));
    };
    worker.postMessage({ type: 'init', module });
    this.#worker = worker;
    return worker;
  }

  #receive(worker, msg) {
    if (worker !== this.#worker) return;
    if (msg.type === 'ready') {
      this.version = msg.version;
    } else if (msg.type === 'failed') {
      this.#discard(new Error(`the engine did not start: ${msg.error}`));
    } else if ((msg.type === 'result' || msg.type === 'error') && this.#pending?.id === msg.id) {
      const pending = this.#pending;
      this.#pending = null;
      if (msg.type === 'result') {
        pending.resolve({ keys: msg.keys, parts: msg.parts, ms: msg.ms });
      } else {
        if (msg.fatal) this.#discard(null);
        const error = new Error(msg.error);
        error.fatal = Boolean(msg.fatal);
        pending.reject(error);
      }
    }
  }

  /** Terminates the worker and rejects the pending request with `reason` (if any). */
  #discard(reason) {
    this.#worker?.terminate();
    this.#worker = null;
    const pending = this.#pending;
    this.#pending = null;
    if (pending && reason) pending.reject(reason);
  }
}
