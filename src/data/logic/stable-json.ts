/**
 * JSON with object keys sorted at every level, so two equal values give the same text whatever
 * order their keys were written in. Absent (`undefined`) properties are left out, as `JSON.stringify` does.
 *
 * @param value Plain data (objects, arrays, strings, numbers, booleans, null).
 * @returns The canonical JSON text; `undefined` for `undefined`.
 * @example
 * stableJson({ to: '2026-03-31', from: '2026-03-01' }) === stableJson({ from: '2026-03-01', to: '2026-03-31' }); // true
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) sorted[key] = (v as Record<string, unknown>)[key];
    return sorted;
  });
}
