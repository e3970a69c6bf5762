/**
 * Worker thread entry (started by health-in-worker.ts, one per analysis): computes the health of
 * the snapshot bytes it was given as workerData, posts it, and ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { healthReply } from './health-job.ts';

parentPort?.postMessage(healthReply(workerData as Uint8Array));
