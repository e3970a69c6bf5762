/**
 * Worker thread entry (started by health-in-worker.ts, one per analysis): reads the input bytes
 * it is sent (health-input.ts), computes their health, posts it, and ends.
 */
import { parentPort } from 'node:worker_threads';
import { failureReply, healthOfObjects, replyOf } from './health-job.ts';
import { readHealthInput, type HealthInput } from './health-input.ts';

parentPort?.once('message', (bytes: Uint8Array) => {
  let input: HealthInput;
  try {
    input = readHealthInput(bytes);
  } catch (error) {
    parentPort?.postMessage(failureReply(error));
    return;
  }
  // Analyse in a later task: once this listener has returned nothing holds the input bytes any
  // more, so their memory can go before the analysis reaches its peak.
  setImmediate(() => parentPort?.postMessage(replyOf(() => healthOfObjects(input.kinds, input.objects))));
});
