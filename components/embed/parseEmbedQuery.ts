// Turns an embed URL's query string into a widget's initial state and hidden controls.
// Never throws and never returns nothing: whatever is invalid falls back to the default and is
// described in `problems`, which the embed page shows as a notice (a frame must never be blank).
import type { z } from 'zod';

export interface EmbedQueryResult<S> {
  state: S;
  hidden: string[];
  /** Human-readable descriptions of what was ignored, empty when the query was fully valid. */
  problems: string[];
}

/** Query keys that are not widget state. */
const RESERVED = new Set(['hide']);

export function parseEmbedQuery<S>(
  search: string,
  schema: z.ZodType<S>,
  hidable: readonly string[],
): EmbedQueryResult<S> {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  const defaults = schema.parse({});
  const known = new Set(Object.keys(defaults as object));

  const raw: Record<string, string> = {};
  for (const [key, value] of params) {
    if (RESERVED.has(key)) continue;
    if (!known.has(key)) {
      problems.push(`unknown setting "${key}"`);
      continue;
    }
    raw[key] = value;
  }

  // Drop each offending key (its default takes over) and retry: one bad value must not discard
  // the good ones. Bounded by the number of keys.
  let state: S = defaults;
  for (let attempt = 0; attempt <= Object.keys(raw).length; attempt++) {
    const result = schema.safeParse(raw);
    if (result.success) {
      state = result.data;
      break;
    }
    const bad = new Set(result.error.issues.map((i) => String(i.path[0] ?? '')));
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? '');
      problems.push(key ? `"${key}=${raw[key] ?? ''}": ${issue.message}` : issue.message);
    }
    let removed = false;
    for (const key of bad) {
      if (key in raw) {
        delete raw[key];
        removed = true;
      }
    }
    if (!removed) {
      state = defaults;
      break;
    }
  }

  const hidden: string[] = [];
  for (const name of (params.get('hide') ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    if (hidable.includes(name)) hidden.push(name);
    else problems.push(`"hide=${name}": no such control (hidable: ${hidable.join(', ') || 'none'})`);
  }
  return { state, hidden, problems };
}
