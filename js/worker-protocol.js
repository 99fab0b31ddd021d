// The message protocol between createWorkerAnalyzer() and the worker scripts
// (worker-browser.js, worker-node.js). Requests: {id, op: 'analyze', text, options} or
// {id, op: 'version'}. Replies: {id, ok: true, value} or {id, ok: false, error: {name, message},
// fatal}. `fatal` marks a trap of the WebAssembly engine: that instance is unusable, so the
// caller's side replaces the worker and sends the other pending requests to the new one.

const ERROR_TYPES = { TypeError, RangeError, SyntaxError };
/** The key engine.js marks its crash Errors with (not imported: it would load the glue). */
const ENGINE_CRASH = Symbol.for('sourcelens.engineCrash');

function isTrap(error) {
  return typeof WebAssembly === 'object' && error instanceof WebAssembly.RuntimeError;
}

/** Turns a thrown value into something structured clone carries faithfully. */
export function encodeError(error) {
  if (isTrap(error)) return { name: 'RuntimeError', message: error.message };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/** Rebuilds the error thrown in the worker, keeping its class for the common built-in ones. */
export function decodeError(encoded) {
  if (encoded.name === 'RuntimeError' && typeof WebAssembly === 'object') {
    return new WebAssembly.RuntimeError(encoded.message);
  }
  const Type = ERROR_TYPES[encoded.name] ?? Error;
  const error = new Type(encoded.message);
  if (!(encoded.name in ERROR_TYPES) && encoded.name !== 'Error') error.name = encoded.name;
  return error;
}

/**
 * Serves requests inside a worker.
 *
 * @param {(message: object) => void} reply posts a message back
 * @param {{analyze(text: unknown, options: unknown): object, version(): string}} api
 * @param {() => Promise<void>} ready resolves when the WebAssembly module is loaded
 * @returns {(message: object) => Promise<void>} the message handler
 */
export function serve(reply, api, ready) {
  return async (message) => {
    const { id, op } = message ?? {};
    try {
      await ready();
      let value;
      if (op === 'analyze') value = api.analyze(message.text, message.options);
      else if (op === 'version') value = api.version();
      else throw new TypeError(`sourcelens worker: unknown operation ${JSON.stringify(op)}`);
      reply({ id, ok: true, value });
    } catch (thrown) {
      // js/node.js (behind worker-node.js) already reset its instance after a trap and threw
      // its crash Error (engine.js); the caller still gets the trap and a fresh worker, as the
      // browser worker's caller does.
      const crash = thrown?.[ENGINE_CRASH] === true;
      const error = crash ? thrown.cause : thrown;
      reply({ id, ok: false, error: encodeError(error), fatal: crash || isTrap(error) });
    }
  };
}

/**
 * The caller's side: starts a worker, sends requests and matches replies; replaces the worker
 * after an engine trap.
 *
 * @param {(events: {receive(message: object): void, fail(error: Error): void}) => {
 *   post(message: object): void, terminate(): void, busy?(busy: boolean): void}} spawn
 *   starts a worker that reports its replies to `receive` and its failures to `fail`
 * @returns {import('./index.js').WorkerAnalyzer}
 */
export function connect(spawn) {
  const pending = new Map(); // id -> {message, resolve, reject}
  let nextId = 1;
  let broken = null;
  let worker = null;

  const settle = () => worker?.busy?.(pending.size > 0);

  const fail = (error) => {
    broken ??= error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
    settle();
  };

  const receive = (message) => {
    const entry = pending.get(message?.id);
    if (!entry) return;
    pending.delete(message.id);
    if (message.ok) entry.resolve(message.value);
    else entry.reject(decodeError(message.error));
    if (message.fatal) replace();
    settle();
  };

  const start = () => {
    let current = null;
    // Events of a replaced worker are ignored.
    current = spawn({
      receive: (message) => current === worker && receive(message),
      fail: (error) => current === worker && fail(error),
    });
    return current;
  };

  /** Drops the trapped worker and resends what it had not answered to a fresh one. */
  const replace = () => {
    const old = worker;
    worker = start();
    old.terminate();
    for (const [id, { message }] of pending) worker.post({ ...message, id });
  };

  const request = (message) => {
    if (broken) return Promise.reject(broken);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { message, resolve, reject });
      settle();
      try {
        worker.post({ ...message, id });
      } catch (error) {
        pending.delete(id);
        settle();
        reject(new TypeError(`sourcelens worker: cannot send the request: ${error.message}`));
      }
    });
  };

  worker = start();
  return {
    analyze: (text, options) => request({ op: 'analyze', text, options }),
    version: () => request({ op: 'version' }),
    terminate() {
      fail(new Error('sourcelens worker: terminated'));
      worker.terminate();
    },
  };
}
