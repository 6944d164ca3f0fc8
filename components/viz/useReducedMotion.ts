'use client';
// True when the reader asked the system for reduced motion. On the server and during hydration it
// is false (the server cannot know), then follows the media query live; widgets must therefore not
// START anything animated before mount — autoplay belongs in an effect, which runs after this is known.
//
//   const reduced = useReducedMotion();
//   useEffect(() => { if (!reduced) setPlaying(true); }, [reduced]);
import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

function subscribe(onChange: () => void): () => void {
  if (typeof window === 'undefined' || !window.matchMedia) return () => {};
  const mql = window.matchMedia(QUERY);
  mql.addEventListener('change', onChange);
  return () => mql.removeEventListener('change', onChange);
}

function getSnapshot(): boolean {
  return typeof window !== 'undefined' && !!window.matchMedia && window.matchMedia(QUERY).matches;
}

function getServerSnapshot(): boolean {
  return false;
}

export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}
