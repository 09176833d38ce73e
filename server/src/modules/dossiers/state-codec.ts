import type { DossierState } from './lifecycle.ts';

/**
 * The lifecycle state in a jsonb column: Dates become ISO strings and come back as Dates. Only
 * keys whose names say they are instants are revived, so other strings stay strings.
 */
const INSTANT_KEY = /(At|start|end)$/;

export function encodeState(state: DossierState): Record<string, unknown> {
  return JSON.parse(JSON.stringify(state)) as Record<string, unknown>;
}

export function decodeState(json: Record<string, unknown>): DossierState {
  const revive = (value: unknown, key: string): unknown => {
    if (typeof value === 'string' && INSTANT_KEY.test(key) && /^\d{4}-\d{2}-\d{2}T/.test(value))
      return new Date(value);
    if (Array.isArray(value)) return value.map((v) => revive(v, ''));
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, revive(v, k)]),
      );
    }
    return value;
  };
  return revive(json, '') as DossierState;
}
