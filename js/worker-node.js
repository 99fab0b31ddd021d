// The worker_threads worker behind createWorkerAnalyzer() in Node.

import { parentPort } from 'node:worker_threads';
import { analyze, version } from './node.js';
import { serve } from './worker-protocol.js';

const handle = serve((message) => parentPort.postMessage(message), { analyze, version }, async () => {});

parentPort.on('message', handle);
