#!/usr/bin/env node
// A small dependency-free static file server for www/ (and for tests).
//
//   node scripts/serve.mjs [DIR]        serve DIR (default www/) on 127.0.0.1:$PORT (default 8080)
//
//   import { serve } from './scripts/serve.mjs';
//   const server = await serve({ root: 'www', port: 0 });   // port 0: any free port
//   server.url; await server.close();
//
// GET and HEAD only; paths are decoded, normalised and must stay inside the root (no directory
// traversal, no dot-files); directories serve their index.html; everything else is a 404.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Content types by file extension. */
export const MIME_TYPES = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.jsonl': 'application/x-ndjson; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
});

/** The content type for a file name; unknown extensions are served as bytes. */
export function contentType(file) {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a request path to a file under `root`, or returns null when the path is malformed,
 * leaves the root, or names a dot-file.
 *
 * @param {string} root absolute directory
 * @param {string} urlPath the request target, e.g. `/pkg/sourcelens.js?v=1`
 */
export function resolveRequestPath(root, urlPath) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(urlPath, 'http://localhost').pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const parts = pathname.split(/[\\/]+/).filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..' || p.startsWith('.'))) return null;
  const file = resolve(root, ...parts);
  if (file !== root && !file.startsWith(root + sep)) return null;
  return file;
}

function send(res, status, message) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(message) });
  res.end(message);
}

/**
 * Starts serving `root`.
 *
 * @param {{root?: string, port?: number, host?: string, quiet?: boolean}} [options]
 *   `port` 0 (the default) picks a free port; `quiet` turns off the request log.
 * @returns {Promise<{url: string, port: number, server: import('node:http').Server, close(): Promise<void>}>}
 */
export async function serve(options = {}) {
  const root = resolve(options.root ?? fileURLToPath(new URL('../www', import.meta.url)));
  const host = options.host ?? '127.0.0.1';
  const quiet = options.quiet ?? true;
  const server = createServer(async (req, res) => {
    const log = (status) => quiet || console.log(`${status} ${req.method} ${req.url}`);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      log(405);
      return send(res, 405, 'method not allowed\n');
    }
    let file = resolveRequestPath(root, req.url ?? '/');
    if (!file) {
      log(404);
      return send(res, 404, 'not found\n');
    }
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        const path = new URL(req.url ?? '/', 'http://localhost').pathname;
        if (!path.endsWith('/')) {
          // Redirect so that relative URLs in the index page resolve inside the directory.
          res.writeHead(301, { location: `${path}/` });
          log(301);
          return res.end();
        }
        file = join(file, 'index.html');
        info = await stat(file);
      }
      // A file asked for as a folder (`/app.js/`) is not there.
      const asFolder = new URL(req.url ?? '/', 'http://localhost').pathname.endsWith('/');
      if (!info.isFile() || (asFolder && !file.endsWith(`${sep}index.html`))) throw new Error('not a file');
      res.writeHead(200, {
        'content-type': contentType(file),
        'content-length': info.size,
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
      });
      log(200);
      if (req.method === 'HEAD') return res.end();
      createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
    } catch {
      log(404);
      send(res, 404, 'not found\n');
    }
  });
  await new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolvePromise);
  });
  const { port } = server.address();
  return {
    url: `http://${host}:${port}/`,
    port,
    server,
    close: () =>
      new Promise((resolvePromise) => {
        server.close(() => resolvePromise());
        server.closeAllConnections?.();
      }),
  };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = process.argv[2] ?? fileURLToPath(new URL('../www', import.meta.url));
  const port = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: PORT must be a port number, not ${JSON.stringify(process.env.PORT)}`);
    process.exit(1);
  }
  try {
    const { url } = await serve({ root, port, quiet: false });
    console.log(`serving ${root} at ${url}  (Ctrl-C to stop)`);
  } catch (error) {
    console.error(`serve: cannot listen on port ${port}: ${error.message}`);
    process.exit(1);
  }
}
