// Performance-timeline entries the e2e spec reads (performance.getEntriesByName):
//   sensitivity-recompute  a new trace was computed (preset switch, dragged observation, budget)
//   sensitivity-redraw     from a τ input (scrub, key, play frame) to the committed DOM update
// No-ops on the server.
const hasPerf = (): boolean => typeof performance !== 'undefined' && typeof performance.measure === 'function';

export function perfNow(): number {
  return typeof performance !== 'undefined' ? performance.now() : 0;
}

export function measureSince(name: 'sensitivity-recompute' | 'sensitivity-redraw', start: number): void {
  if (!hasPerf() || typeof window === 'undefined') return;
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // Older engines without the options form: the measurement is diagnostic only.
  }
}
