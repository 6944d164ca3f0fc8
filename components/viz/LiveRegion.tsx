'use client';
// A polite live region and a throttled announcer: screen readers hear the value where the reader
// paused (at most one message per `interval` ms, the latest wins), not every frame of a drag.
//
//   const { message, announce } = useAnnouncer();
//   onChange={(t) => { setT(t); announce(`τ = ${formatNumber(t)}, loss ${formatNumber(loss)}`); }}
//   <LiveRegion message={message} />
import { useEffect, useMemo, useState } from 'react';
import { createThrottle } from './throttle';

export interface Announcer {
  message: string;
  announce: (message: string) => void;
}

/** Throttled message state for a LiveRegion. Default: at most one announcement per 500 ms. */
export function useAnnouncer(interval = 500): Announcer {
  const [message, setMessage] = useState('');
  const throttle = useMemo(() => createThrottle<string>(setMessage, interval), [interval]);
  useEffect(() => () => throttle.cancel(), [throttle]);
  return { message, announce: throttle.push };
}

export interface LiveRegionProps {
  message: string;
  /** Show the text on screen too (default: visually hidden, read by screen readers only). */
  visible?: boolean;
  className?: string;
}

/** role=status, aria-live=polite, atomic: announces the whole message when it changes. */
export function LiveRegion({ message, visible = false, className }: LiveRegionProps) {
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className={className ?? (visible ? 'viz-live' : 'viz-sr-only')}>
      {message}
    </div>
  );
}
