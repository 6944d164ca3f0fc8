'use client';
// A figure's widget reports its current state here, so the figure's Embed dialog can offer a
// snippet that reproduces what the reader sees. Two contexts: widgets only see the stable setter,
// so reporting never re-renders the widget itself.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

export type EmbedState = Readonly<Record<string, unknown>>;

const ReportContext = createContext<((state: EmbedState) => void) | null>(null);
const StateContext = createContext<{ read: () => EmbedState; version: number } | null>(null);

export function EmbedStateProvider({ children }: { children: ReactNode }) {
  const current = useRef<EmbedState>({});
  const [version, setVersion] = useState(0);
  const report = useCallback((state: EmbedState) => {
    current.current = state;
    setVersion((v) => v + 1);
  }, []);
  const value = useMemo(() => ({ read: () => current.current, version }), [version]);
  return (
    <ReportContext.Provider value={report}>
      <StateContext.Provider value={value}>{children}</StateContext.Provider>
    </ReportContext.Provider>
  );
}

/**
 * Call from a widget with its URL-serialisable state (the keys of its schema). A no-op outside a
 * figure. The state object may be recreated every render; it is reported after commit.
 */
export function useReportEmbedState(state: EmbedState): void {
  const report = useContext(ReportContext);
  const key = JSON.stringify(state);
  useEffect(() => {
    if (report) report(JSON.parse(key) as EmbedState);
  }, [report, key]);
}

/** The figure's reporter, or null outside a figure (LazyWidget passes it into a widget's own root). */
export function useEmbedReporter(): ((state: EmbedState) => void) | null {
  return useContext(ReportContext);
}

/** Re-provides a reporter obtained with useEmbedReporter (across a separate React root). */
export function EmbedReporterProvider({ value, children }: { value: ((state: EmbedState) => void) | null; children: ReactNode }) {
  return <ReportContext.Provider value={value}>{children}</ReportContext.Provider>;
}

/** For the Embed dialog: the latest reported state (re-renders when it changes). */
export function useEmbedState(): EmbedState {
  const ctx = useContext(StateContext);
  return ctx ? ctx.read() : {};
}
