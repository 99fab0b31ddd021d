#!/usr/bin/env node
// `npm start`: install what is missing (no browser), build the web outputs, serve www/ on
// http://127.0.0.1:8080 (PORT to change).

import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function step(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`start: ${command} ${args.join(' ')} failed`);
    process.exit(result.status ?? 1);
  }
}

step('bash', [join(root, 'scripts', 'setup.sh')], { SOURCELENS_SKIP_BROWSER: '1' });
step(process.execPath, [join(root, 'scripts', 'build.mjs'), '--no-cli']);

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`start: PORT must be a port number, not ${JSON.stringify(process.env.PORT)}`);
  process.exit(1);
}
try {
  const { url } = await serve({ root: join(root, 'www'), port, quiet: false });
  console.log(`\nsourcelens is running at ${url}  (Ctrl-C to stop)\n`);
} catch (error) {
  console.error(`start: cannot listen on port ${port}: ${error.message} (set PORT to use another port)`);
  process.exit(1);
}
