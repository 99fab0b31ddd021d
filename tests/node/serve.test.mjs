// scripts/serve.mjs: content types, index pages, 404s and no way out of the served folder.

import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { contentType, resolveRequestPath, serve } from '../../scripts/serve.mjs';

/** Sends `method path` exactly as written (no URL normalisation) and collects the answer. */
function get(port, path, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static server', () => {
  const base = mkdtempSync(join(tmpdir(), 'sourcelens-serve-'));
  const root = join(base, 'www');
  let server;
  before(async () => {
    mkdirSync(join(root, 'pkg'), { recursive: true });
    mkdirSync(join(root, 'docs'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>home</title>');
    writeFileSync(join(root, 'pkg', 'sourcelens.js'), 'export {};');
    writeFileSync(join(root, 'pkg', 'sourcelens_bg.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
    writeFileSync(join(root, 'docs', 'index.html'), 'docs');
    writeFileSync(join(root, 'a file.txt'), 'spaced');
    writeFileSync(join(root, '.env'), 'hidden');
    writeFileSync(join(base, 'secret.txt'), 'outside');
    server = await serve({ root, port: 0 });
  });
  after(async () => {
    await server.close();
    rmSync(base, { recursive: true, force: true });
  });

  const OK = [
    { path: '/', type: 'text/html; charset=utf-8', body: '<!doctype html><title>home</title>' },
    { path: '/index.html?v=2#x', type: 'text/html; charset=utf-8' },
    { path: '/pkg/sourcelens.js', type: 'text/javascript; charset=utf-8', body: 'export {};' },
    { path: '/pkg/sourcelens_bg.wasm', type: 'application/wasm' },
    { path: '/docs/', type: 'text/html; charset=utf-8', body: 'docs' },
    { path: '/a%20file.txt', type: 'text/plain; charset=utf-8', body: 'spaced' },
    { path: '/pkg//sourcelens.js', type: 'text/javascript; charset=utf-8' },
  ];
  for (const { path, type, body } of OK) {
    test(`200 ${path}`, async () => {
      const res = await get(server.port, path);
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-type'], type);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      if (body !== undefined) assert.equal(res.body, body);
    });
  }

  const REFUSED = [
    '/missing.html',
    '/../secret.txt',
    '/pkg/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/pkg/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/.env',
    '/pkg/%00.js',
    '/%E0%A4%A',
    '/pkg/sourcelens.js/',
  ];
  for (const path of REFUSED) {
    test(`404 ${path}`, async () => {
      const res = await get(server.port, path);
      assert.equal(res.status, 404);
      assert.notEqual(res.body, 'outside');
      assert.notEqual(res.body, 'hidden');
    });
  }

  test('a directory without its slash redirects so that relative URLs work', async () => {
    const res = await get(server.port, '/docs');
    assert.equal(res.status, 301);
    assert.equal(res.headers.location, '/docs/');
  });

  test('HEAD has the headers and no body; POST is refused', async () => {
    const head = await get(server.port, '/pkg/sourcelens_bg.wasm', 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.headers['content-length'], '8');
    assert.equal(head.body, '');
    assert.equal((await get(server.port, '/', 'POST')).status, 405);
  });

  test('resolveRequestPath stays inside the root', () => {
    assert.equal(resolveRequestPath(root, '/pkg/sourcelens.js'), join(root, 'pkg', 'sourcelens.js'));
    assert.equal(resolveRequestPath(root, '/'), root);
    // Dot segments are collapsed by URL parsing first (never above the root)...
    for (const path of ['/../x', '/a/../../x', '/%2e%2e/x']) {
      assert.equal(resolveRequestPath(root, path), join(root, 'x'), path);
    }
    // ...and whatever decodes to a way out, a dot-file or a NUL is refused.
    for (const bad of ['/..%2fx', '/a/%2e%2e%2f%2e%2e%2fx', '/..%5cx', '/.git/config', '/a%00b', '/%ZZ']) {
      assert.equal(resolveRequestPath(root, bad), null, bad);
    }
  });

  const TYPES = [
    ['x.wasm', 'application/wasm'],
    ['x.mjs', 'text/javascript; charset=utf-8'],
    ['X.CSS', 'text/css; charset=utf-8'],
    ['x.json', 'application/json; charset=utf-8'],
    ['x.svg', 'image/svg+xml'],
    ['x.unknown', 'application/octet-stream'],
    ['noextension', 'application/octet-stream'],
  ];
  test('content types', () => {
    for (const [file, type] of TYPES) assert.equal(contentType(file), type, file);
  });
});
