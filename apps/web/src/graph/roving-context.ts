/** Which graph node holds the graph's one tab stop (roving tabindex, see roving.ts). */
import { createContext } from 'react';

export const RovingContext = createContext<string | null>(null);
