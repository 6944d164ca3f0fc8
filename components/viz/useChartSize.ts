'use client';
// Responsive chart width without layout shift. The server (and the first client render) lay the
// chart out at `defaultWidth`; the SVG is drawn with a viewBox and `width: 100%`, so the box the
// browser reserves depends only on the aspect ratio — identical before and after hydration. Once a
// ResizeObserver reports the real width, the chart re-lays out at that width (same aspect), so text
// and strokes get their true pixel sizes while nothing on the page moves.
//
//   const { ref, width, height } = useChartSize({ aspect: 16 / 10 });
//   return <div ref={ref}><LinePlot width={width} height={height} … /></div>;
import { useCallback, useRef, useState } from 'react';

export interface ChartSizeOptions {
  /** Layout width on the server and before measuring (CSS px). Default 640 (the article's body width). */
  defaultWidth?: number;
  /** width / height, fixed so the reserved box never changes. Default 1.6. */
  aspect?: number;
  /** Never lay out narrower than this (very small containers scale the drawing down instead). Default 280. */
  minWidth?: number;
  /** Never lay out wider than this. Default 1200. */
  maxWidth?: number;
}

export interface ChartSize {
  /** Callback ref for the element whose width the chart fills. */
  ref: (element: HTMLElement | null) => void;
  width: number;
  height: number;
}

export function useChartSize({ defaultWidth = 640, aspect = 1.6, minWidth = 280, maxWidth = 1200 }: ChartSizeOptions = {}): ChartSize {
  const [width, setWidth] = useState(defaultWidth);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback(
    (element: HTMLElement | null) => {
      observer.current?.disconnect();
      observer.current = null;
      if (!element || typeof ResizeObserver === 'undefined') return;
      const ro = new ResizeObserver((entries) => {
        const w = entries[0]?.contentRect.width ?? 0;
        // Round to whole pixels so sub-pixel jitter does not re-render the chart.
        if (w > 0) setWidth(Math.round(Math.min(maxWidth, Math.max(minWidth, w))));
      });
      ro.observe(element);
      observer.current = ro;
    },
    [minWidth, maxWidth],
  );
  return { ref, width, height: Math.round(width / aspect) };
}
