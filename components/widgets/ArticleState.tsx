'use client';
// Shared state of the widgets that stand together in the article: the problem preset, the time τ
// and the selected parameter. Outside the provider (an /embed page, the home page) the hook
// returns null and each widget keeps its own state.
//
// Why a store and not React state: each figure is its own React root (components/embed/LazyWidget),
// so a context value would reach a figure only when the page root re-rendered and handed it over,
// a render late: fast key presses and playback frames then computed from a stale τ and were lost.
// Every figure subscribes to the store itself (useSyncExternalStore) and sees a change at once.
// The server snapshot is the initial state, which is also what the server rendered, so a figure
// that wakes after the reader moved τ hydrates against the server HTML and then updates.
import { createContext, useContext, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';

export interface ArticleStateValue {
  presetId: string;
  tau: number;
  paramIndex: number;
  setPresetId: (id: string) => void;
  setTau: (tau: number) => void;
  setParamIndex: (i: number) => void;
}

interface Snapshot {
  presetId: string;
  tau: number;
  paramIndex: number;
}

export interface ArticleStore {
  get: () => Snapshot;
  getInitial: () => Snapshot;
  subscribe: (listener: () => void) => () => void;
  set: (patch: Partial<Snapshot>) => void;
}

function createArticleStore(initial: Snapshot): ArticleStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    getInitial: () => initial,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set: (patch) => {
      const next = { ...state, ...patch };
      if (next.presetId === state.presetId && next.tau === state.tau && next.paramIndex === state.paramIndex) return;
      state = next;
      for (const l of listeners) l();
    },
  };
}

const ArticleStoreContext = createContext<ArticleStore | null>(null);

export interface ArticleStateProviderProps {
  children: ReactNode;
  initialPresetId?: string;
  initialTau?: number;
  initialParamIndex?: number;
}

export function ArticleStateProvider({ children, initialPresetId = 'spiral', initialTau = 0, initialParamIndex = 0 }: ArticleStateProviderProps) {
  const [store] = useState(() => createArticleStore({ presetId: initialPresetId, tau: initialTau, paramIndex: initialParamIndex }));
  return <ArticleStoreContext.Provider value={store}>{children}</ArticleStoreContext.Provider>;
}

const noSubscribe = () => () => {};
const nullSnapshot = () => null;

/** The article's shared state, or null when the widget stands alone. */
export function useArticleState(): ArticleStateValue | null {
  const store = useContext(ArticleStoreContext);
  const snap = useSyncExternalStore(store?.subscribe ?? noSubscribe, store?.get ?? nullSnapshot, store?.getInitial ?? nullSnapshot);
  // Setters keep their identity for the store's lifetime (callbacks built on them stay put).
  const setters = useMemo(
    () =>
      store && {
        setPresetId: (presetId: string) => store.set({ presetId }),
        setTau: (tau: number) => store.set({ tau }),
        setParamIndex: (paramIndex: number) => store.set({ paramIndex }),
      },
    [store],
  );
  return useMemo(() => (setters && snap ? { ...snap, ...setters } : null), [setters, snap]);
}

/** The store itself (stable), for LazyWidget to hand to a figure's own React root. */
export function useArticleStore(): ArticleStore | null {
  return useContext(ArticleStoreContext);
}

/** Re-provides the article's store inside a figure's own root (LazyWidget). */
export function ArticleStateBridge({ store, children }: { store: ArticleStore | null; children: ReactNode }) {
  return <ArticleStoreContext.Provider value={store}>{children}</ArticleStoreContext.Provider>;
}
