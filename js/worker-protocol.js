// The message protocol between createWorkerAnalyzer() and the worker scripts
// (worker-browser.js, worker-node.js). Requests: {id, op: 'analyze', text, options} or
// {id, op: 'version'}. Replies: {id, ok: true, value} or {id, ok: false, error: {name, message}}.

const ERROR_TYPES = { TypeError, RangeError, SyntaxError };

/** Turns a thrown value into something structured clone carries faithfully. */
export function encodeError(error) {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/** Rebuilds the error thrown in the worker, keeping its class for the common built-in ones. */
export function decodeError(encoded) {
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
    } catch (error) {
      reply({ id, ok: false, error: encodeError(error) });
    }
  };
}

/**
 * The caller's side: sends requests and matches replies.
 *
 * @param {object} port
 * @param {(message: object) => void} port.post sends a message to the worker
 * @param {() => void} port.terminate stops the worker
 * @param {(busy: boolean) => void} [port.busy] told when requests start and stop being pending
 * @returns {{client: import('./index.js').WorkerAnalyzer, receive(message: object): void, fail(error: Error): void}}
 */
export function connect(port) {
  const pending = new Map();
  let nextId = 1;
  let broken = null;

  const settle = () => port.busy?.(pending.size > 0);

  const request = (message) => {
    if (broken) return Promise.reject(broken);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      settle();
      try {
        port.post({ ...message, id });
      } catch (error) {
        pending.delete(id);
        settle();
        reject(new TypeError(`sourcelens worker: cannot send the request: ${error.message}`));
      }
    });
  };

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
    settle();
    if (message.ok) entry.resolve(message.value);
    else entry.reject(decodeError(message.error));
  };

  const client = {
    analyze: (text, options) => request({ op: 'analyze', text, options }),
    version: () => request({ op: 'version' }),
    terminate() {
      fail(new Error('sourcelens worker: terminated'));
      port.terminate();
    },
  };
  return { client, receive, fail };
}
