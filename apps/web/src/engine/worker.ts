/**
 * The engine Worker: a thin shell around EngineState. Requests arriving in a burst (a flurry of
 * live deltas, fast typing) are applied in order and computed once.
 */
import { EngineState } from './state.ts';
import type { EngineRequest, EngineResponse } from './types.ts';

// Typed with the DOM lib (the app's tsconfig); in a Worker `self` is the worker scope.
const scope = self;
const state = new EngineState();
let scheduled = false;

function post(message: EngineResponse): void {
  scope.postMessage(message);
}

function run(): void {
  scheduled = false;
  try {
    post({ type: 'result', result: state.compute() });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

scope.addEventListener('message', (event: MessageEvent<EngineRequest>) => {
  const request = event.data;
  if (request.type === 'simulate') {
    // Answered at once against the latest result; the page asks again when a newer one arrives.
    post({ type: 'simulated', ...state.simulate(request.id, request.requests) });
    return;
  }
  let changed: boolean;
  try {
    changed = state.apply(request);
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  if (changed && !scheduled) {
    scheduled = true;
    setTimeout(run, 0);
  }
});
