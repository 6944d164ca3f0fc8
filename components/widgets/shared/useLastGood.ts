'use client';
// A computed value that may fail (null): the last non-null one, so a figure whose new problem does
// not solve keeps drawing the last one that did while its ErrorBanner says why.
import { useRef } from 'react';

export function useLastGood<T>(value: T | null): T | null {
  const last = useRef<T | null>(null);
  if (value !== null) last.current = value;
  return value ?? last.current;
}
