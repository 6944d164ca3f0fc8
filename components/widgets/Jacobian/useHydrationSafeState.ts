'use client';
// In the article, LazyWidget hydrates a figure's server HTML when it nears the viewport, passing the
// article's LIVE shared state. If the reader has already moved τ or picked a parameter in another
// figure, that state differs from the one the server rendered (ArticleStateProvider's defaults) and
// React reports a hydration mismatch (#418). So for the hydration render alone the widget shows the
// server's state, then switches to the live one: useSyncExternalStore's server snapshot makes React
// re-render right after hydrating, before the browser paints. Embeds and client-mounted widgets
// (not hydrating) see the live state at once.
// The server state is ArticleStateProvider's default props (components/widgets/ArticleState.tsx),
// which components/article/Article.tsx uses unchanged; if the article ever passes other initial
// values, change ARTICLE_SERVER_STATE with them.
import { useSyncExternalStore } from 'react';
import { defaultObs } from '@/components/widgets/shared/presets';
import type { SensitivityState } from '@/components/widgets/shared/useSensitivityState';

export const ARTICLE_SERVER_STATE = { presetId: 'spiral', tau: 0, paramIndex: 0 } as const;

const noSubscribe = () => () => {};

/** False during server rendering and hydration, true afterwards (and on a fresh client mount). */
export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscribe, () => true, () => false);
}

export function useHydrationSafeState(st: SensitivityState): SensitivityState {
  const hydrated = useHydrated();
  if (hydrated || !st.shared) return st;
  const { presetId, tau, paramIndex } = ARTICLE_SERVER_STATE;
  return { ...st, presetId, tau, paramIndex, obs: defaultObs(presetId) };
}
