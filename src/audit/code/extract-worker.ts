import { parentPort, workerData } from 'node:worker_threads';
import { extractFiles } from './extract-files.js';

const { root, paths } = workerData as { root: string; paths: string[] };
parentPort!.postMessage(extractFiles(root, paths));
