'use client';
// The state the sensitivity widgets share: {presetId, observation times, τ, selected parameter}.
//
// In the article (inside components/widgets/ArticleState's provider, and no `initial` given) presetId,
// τ and the parameter index live in ArticleState, so all three figures move together. ArticleState
// has no field for observation times, and that file belongs to the site machinery, so the times live
// here in a small module-level store keyed by preset (one per page: the article is the only page
// with several sensitivity widgets). Everywhere else (an /embed/<id>/ page, a widget given `initial`,
// the home page) the state is the widget's own, seeded from `initial` (its parsed URL state).
//
//   const st = useSensitivityState(props.initial);   // initial: SharedUrlState | undefined
//   st.presetId, st.obs, st.tau, st.paramIndex, st.setTau(1.2), st.setObs([0, 1, 2.5, 3]) ...
import { useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import { useArticleState } from '@/components/widgets/ArticleState';
import { defaultObs, isPresetId, normalizeObs, type SensitivityPresetId } from './presets';
import { parseObs, type SharedUrlState } from './urlState';

export interface SensitivityState {
  presetId: SensitivityPresetId;
  /** Observation times t_0..t_N, sorted, valid for the preset (2..8, min gap). */
  obs: number[];
  /** Current time τ as set (clamp it to [t_0, t_N] with the trace: clampTau). */
  tau: number;
  paramIndex: number;
  /** True when the state is the article's shared one. */
  shared: boolean;
  setPresetId: (id: SensitivityPresetId) => void;
  /** Invalid times (out of range, too close, wrong count) are ignored. */
  setObs: (obs: readonly number[]) => void;
  setTau: (tau: number) => void;
  setParamIndex: (i: number) => void;
}

// ---- the article's observation times, per preset (module-level store) ----
const articleObs = new Map<SensitivityPresetId, number[]>();
const listeners = new Set<() => void>();
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
function setArticleObs(id: SensitivityPresetId, obs: number[]): void {
  articleObs.set(id, obs);
  for (const l of listeners) l();
}

/** Times from a URL/initial string for a preset, or the preset's defaults when invalid or empty. */
export function obsFor(id: SensitivityPresetId, raw: string | readonly number[] | null | undefined): number[] {
  const parsed = typeof raw === 'string' ? parseObs(raw) : raw ? raw.slice() : null;
  return (parsed && normalizeObs(id, parsed)) ?? defaultObs(id);
}

export function useSensitivityState(initial?: SharedUrlState): SensitivityState {
  const article = useArticleState();
  const shared = article !== null && initial === undefined;

  // Local state (always created: hooks cannot be conditional; unused in the article).
  const [localPreset, setLocalPreset] = useState<SensitivityPresetId>(initial?.preset ?? 'spiral');
  const [localObs, setLocalObs] = useState<number[]>(() => obsFor(initial?.preset ?? 'spiral', initial?.obs ?? ''));
  const [localTau, setLocalTau] = useState<number>(initial?.tau ?? 0);
  const [localParam, setLocalParam] = useState<number>(initial?.param ?? 0);

  const articlePreset: SensitivityPresetId = article && isPresetId(article.presetId) ? article.presetId : 'spiral';
  const storedObs = useSyncExternalStore(
    subscribe,
    () => articleObs.get(articlePreset) ?? null,
    () => null,
  );

  const presetId = shared ? articlePreset : localPreset;
  const obs = useMemo(
    () => (shared ? (storedObs ?? defaultObs(articlePreset)) : localObs),
    [shared, storedObs, articlePreset, localObs],
  );

  const setPresetId = useCallback(
    (id: SensitivityPresetId) => {
      if (shared && article) {
        article.setPresetId(id);
      } else {
        setLocalPreset(id);
        setLocalObs(defaultObs(id));
      }
    },
    [shared, article],
  );
  const setObs = useCallback(
    (next: readonly number[]) => {
      const ok = normalizeObs(presetId, next);
      if (!ok) return;
      if (shared) setArticleObs(presetId, ok);
      else setLocalObs(ok);
    },
    [shared, presetId],
  );
  const setTau = useCallback((tau: number) => (shared && article ? article.setTau(tau) : setLocalTau(tau)), [shared, article]);
  const setParamIndex = useCallback(
    (i: number) => (shared && article ? article.setParamIndex(i) : setLocalParam(i)),
    [shared, article],
  );

  return {
    presetId,
    obs,
    tau: shared && article ? article.tau : localTau,
    paramIndex: shared && article ? article.paramIndex : localParam,
    shared,
    setPresetId,
    setObs,
    setTau,
    setParamIndex,
  };
}
