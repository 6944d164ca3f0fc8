// Slider position ↔ value, linear or logarithmic, optionally integer. The native range input runs
// over positions 0…RESOLUTION for log sliders (so equal drags multiply the value by equal factors);
// linear sliders use the value directly.
//
//   const m = sliderMapping({ min: 1e-4, max: 1, log: true });
//   m.toValue(m.toPosition(0.01))   // 0.01

export const RESOLUTION = 1000;

export interface SliderMappingOptions {
  min: number;
  max: number;
  step?: number;
  log?: boolean;
  integer?: boolean;
}

export interface SliderMapping {
  /** Native input attributes. */
  input: { min: number; max: number; step: number | 'any' };
  toPosition(value: number): number;
  toValue(position: number): number;
}

export function sliderMapping({ min, max, step, log = false, integer = false }: SliderMappingOptions): SliderMapping {
  const fix = (v: number) => {
    const c = Math.min(max, Math.max(min, v));
    return integer ? Math.round(c) : c;
  };
  if (log && min > 0 && max > min) {
    const a = Math.log10(min);
    const b = Math.log10(max);
    return {
      input: { min: 0, max: RESOLUTION, step: 1 },
      toPosition: (v) => Math.round(((Math.log10(Math.max(min, Math.min(max, v))) - a) / (b - a)) * RESOLUTION),
      // 3 significant digits are what the reader can tell apart on a log slider; avoids 0.0100000002.
      toValue: (p) => fix(Number((10 ** (a + (p / RESOLUTION) * (b - a))).toPrecision(3))),
    };
  }
  const s = integer ? Math.max(1, Math.round(step ?? 1)) : step ?? 'any';
  return {
    input: { min, max, step: s },
    toPosition: (v) => fix(v),
    toValue: (p) => fix(p),
  };
}
