import { useContext } from 'react';
import { EngineContext } from './EngineProvider.tsx';
import type { EngineApi } from './EngineProvider.tsx';

/** The engine of the nearest EngineProvider (the `/` page and `/sandbox` each have their own). */
export function useEngine(): EngineApi {
  const api = useContext(EngineContext);
  if (api === null) throw new Error('useEngine() outside <EngineProvider>');
  return api;
}
