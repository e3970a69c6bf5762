/**
 * Worker thread entry for analyze/simulate calls (started and reused by batch-runner.ts): answers
 * each job message with the JSON bytes of the answer, or the status and message of its failure.
 */
import { parentPort } from 'node:worker_threads';
import { runJob } from './jobs.ts';
import { transferable, type JobMessage, type JobReply } from './batch-runner.ts';

function replyTo(job: JobMessage): JobReply {
  try {
    const text = new TextDecoder().decode(job.body);
    return {
      id: job.id,
      ok: true,
      json: transferable(Buffer.from(runJob(job.kind, text, job.limits), 'utf8')),
    };
  } catch (error) {
    const status = (error as { statusCode?: unknown }).statusCode;
    const message = error instanceof Error ? error.message : String(error);
    return status === 400 || status === 413
      ? { id: job.id, ok: false, status, message }
      : { id: job.id, ok: false, status: 500, message };
  }
}

parentPort?.on('message', (job: JobMessage) => {
  const reply = replyTo(job);
  parentPort?.postMessage(reply, reply.id !== 0 && 'json' in reply ? [reply.json.buffer] : []);
});
const ready: JobReply = { id: 0, ready: true };
parentPort?.postMessage(ready);
