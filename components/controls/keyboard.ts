// Keyboard → value mappings shared by the Scrubber, draggable ticks and the PhasePlane's draggable
// point, following the ARIA APG slider pattern: arrows step, PageUp/PageDown take big steps,
// Home/End jump to the ends. Right/Up always INCREASE the value (also when the scrubber plays
// backward in time), as assistive technology expects.
//
//   sliderKeyValue('PageUp', 0.3, { min: 0, max: 1, step: 0.01 })  // 0.4  (page = 10 steps)
//   pointKeyDelta('ArrowLeft', true)                                 // [-10, 0]  (Shift = ×10)

export interface StepOptions {
  min: number;
  max: number;
  step: number;
  /** Big step for PageUp/PageDown and Shift+arrow. Default 10 × step. */
  pageStep?: number;
}

/** The new value for a key press, or null if the key is not a slider key. Clamped to [min, max]. */
export function sliderKeyValue(key: string, value: number, opts: StepOptions, shift = false): number | null {
  const { min, max, step } = opts;
  const page = opts.pageStep ?? step * 10;
  const small = shift ? page : step;
  let next: number;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp': next = value + small; break;
    case 'ArrowLeft':
    case 'ArrowDown': next = value - small; break;
    case 'PageUp': next = value + page; break;
    case 'PageDown': next = value - page; break;
    case 'Home': return min;
    case 'End': return max;
    default: return null;
  }
  return clamp(roundToStep(next, min, step), min, max);
}

/** Direction of a 2-D move in key units (y up is +1: data coordinates, not pixels), or null. */
export function pointKeyDelta(key: string, shift = false): [number, number] | null {
  const k = shift ? 10 : 1;
  switch (key) {
    case 'ArrowRight': return [k, 0];
    case 'ArrowLeft': return [-k, 0];
    case 'ArrowUp': return [0, k];
    case 'ArrowDown': return [0, -k];
    default: return null;
  }
}

/** Snaps to the grid min + k·step (removing float noise such as 0.30000000000000004). */
export function roundToStep(value: number, min: number, step: number): number {
  if (!(step > 0)) return value;
  const k = Math.round((value - min) / step);
  const v = min + k * step;
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  return Number(v.toFixed(Math.min(15, decimals)));
}

export function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, Math.min(lo, hi)), Math.max(lo, hi));
}

/** Value under a pointer at fraction `f` ∈ [0,1] along a track (reversed tracks run max → min). */
export function valueAtFraction(f: number, min: number, max: number, step: number, reversed = false): number {
  const g = clamp(reversed ? 1 - f : f, 0, 1);
  return clamp(roundToStep(min + g * (max - min), min, step), min, max);
}

/** Fraction along a track for a value (inverse of valueAtFraction without snapping). */
export function fractionOf(value: number, min: number, max: number, reversed = false): number {
  const f = max === min ? 0 : clamp((value - min) / (max - min), 0, 1);
  return reversed ? 1 - f : f;
}
