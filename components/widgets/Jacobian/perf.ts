// Performance-timeline entries the e2e specs read (performance.getEntriesByName(name, 'measure')):
//   jacobian-redraw   a new τ reached the Jacobian widget → its DOM update committed (layout effect)
//   integral-redraw   the same for the integral widget
//   integral-compare  backprop + finite-difference solves for a (problem, parameter) pair
// The redraw entries start when the widget first renders a new τ, whoever moved it (its own scrubber,
// or the stepper through the article's shared state). No-ops on the server.
export type PerfName = 'jacobian-redraw' | 'integral-redraw' | 'integral-compare';

export function perfNow(): number {
  return typeof performance !== 'undefined' ? performance.now() : 0;
}

export function measureSince(name: PerfName, start: number): void {
  if (typeof window === 'undefined' || typeof performance === 'undefined' || typeof performance.measure !== 'function') return;
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // Engines without the options form: the measurement is diagnostic only.
  }
}
