// Zod builders for widget state that arrives either typed (props, article state) or as strings
// (an embed's query string). One schema per widget then serves both, as in Idyll/Playground.
import { z } from 'zod';

const fromString = (toValue: (s: string) => unknown) => (v: unknown) =>
  typeof v === 'string' ? toValue(v.trim()) : v;

/** A finite number in [min, max]; "" or "abc" in a URL is an error, not NaN. */
export function qNumber(defaultValue: number, range: { min?: number; max?: number } = {}) {
  let n = z.number().finite();
  if (range.min !== undefined) n = n.min(range.min);
  if (range.max !== undefined) n = n.max(range.max);
  return z.preprocess(fromString((s) => (s === '' ? s : Number(s))), n.default(defaultValue));
}

/** An integer in [min, max]. */
export function qInt(defaultValue: number, range: { min?: number; max?: number } = {}) {
  let n = z.number().int();
  if (range.min !== undefined) n = n.min(range.min);
  if (range.max !== undefined) n = n.max(range.max);
  return z.preprocess(fromString((s) => (s === '' ? s : Number(s))), n.default(defaultValue));
}

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off']);

/** A boolean: true/false, 1/0, yes/no, on/off in a URL (z.coerce.boolean would read "false" as true). */
export function qBoolean(defaultValue: boolean) {
  return z.preprocess(
    fromString((s) => (TRUE.has(s.toLowerCase()) ? true : FALSE.has(s.toLowerCase()) ? false : s)),
    z.boolean().default(defaultValue),
  );
}

/** One of a fixed set of strings (a preset id, a method name). */
export function qEnum<const T extends readonly [string, ...string[]]>(values: T, defaultValue: T[number]) {
  return z.enum(values).default(defaultValue);
}
