'use client';
// Shared state of the widgets that stand together in the article: the problem preset, the time τ
// and the selected parameter. Outside the provider (an /embed page, the home page) the hook
// returns null and each widget keeps its own state.
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

export interface ArticleStateValue {
  presetId: string;
  tau: number;
  paramIndex: number;
  setPresetId: (id: string) => void;
  setTau: (tau: number) => void;
  setParamIndex: (i: number) => void;
}

const ArticleStateContext = createContext<ArticleStateValue | null>(null);

export interface ArticleStateProviderProps {
  children: ReactNode;
  initialPresetId?: string;
  initialTau?: number;
  initialParamIndex?: number;
}

export function ArticleStateProvider({ children, initialPresetId = 'spiral', initialTau = 0, initialParamIndex = 0 }: ArticleStateProviderProps) {
  const [presetId, setPresetId] = useState(initialPresetId);
  const [tau, setTau] = useState(initialTau);
  const [paramIndex, setParamIndex] = useState(initialParamIndex);
  const value = useMemo(
    () => ({ presetId, tau, paramIndex, setPresetId, setTau, setParamIndex }),
    [presetId, tau, paramIndex],
  );
  return <ArticleStateContext.Provider value={value}>{children}</ArticleStateContext.Provider>;
}

/** The article's shared state, or null when the widget stands alone. */
export function useArticleState(): ArticleStateValue | null {
  return useContext(ArticleStateContext);
}

/** Re-provides a value obtained with useArticleState (LazyWidget renders widgets in their own root). */
export function ArticleStateBridge({ value, children }: { value: ArticleStateValue | null; children: ReactNode }) {
  return <ArticleStateContext.Provider value={value}>{children}</ArticleStateContext.Provider>;
}
