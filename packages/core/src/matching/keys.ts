/**
 * Keys of the route tables' backend and mirror maps. A leaf module: the tables build these maps
 * and backends/respond read them, so the keys cannot live in tables.ts without an import cycle
 * (tables → entries → backends → tables).
 */
import type { ObjectKey } from '../model/identity.ts';

export function backendKey(route: ObjectKey, rule: number, backend: number): string {
  return `${route}#${rule}#${backend}`;
}

export function mirrorKey(route: ObjectKey, rule: number, filter: number, backendRef?: number): string {
  return `${route}#${rule}#${filter}#${backendRef ?? ''}`;
}
