'use client';
// A labelled range input showing its value: linear or logarithmic (equal drags multiply the value),
// optionally integer. aria-valuetext carries the formatted value, so a log slider announces "0.01",
// not its internal position.
//
//   <Slider label="Step size h" value={h} min={1e-3} max={0.5} log onChange={setH} name="h" />
//   <Slider label="Steps N" value={n} min={1} max={1000} integer log onChange={setN} name="N" />
import { useId, useMemo } from 'react';
import { formatNumber } from '../viz/format';
import { sliderMapping } from './sliderMapping';
import './controls.css';

export interface SliderProps {
  label: string;
  value: number;
  min: number;
  max: number;
  /** Value step for linear sliders (default continuous, or 1 with `integer`). */
  step?: number;
  log?: boolean;
  integer?: boolean;
  onChange: (value: number) => void;
  format?: (value: number) => string;
  /** data-value name of the shown value (the site's test hook). */
  name?: string;
  disabled?: boolean;
  id?: string;
}

export function Slider({ label, value, min, max, step, log = false, integer = false, onChange, format = formatNumber, name, disabled, id }: SliderProps) {
  const autoId = useId();
  const inputId = id ?? `ctl-slider-${autoId}`;
  const m = useMemo(() => sliderMapping({ min, max, step, log, integer }), [min, max, step, log, integer]);
  const text = format(value);
  return (
    <div className="ctl-slider" data-control="slider">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="range"
        min={m.input.min}
        max={m.input.max}
        step={m.input.step}
        value={m.toPosition(value)}
        aria-valuetext={text}
        disabled={disabled}
        onChange={(e) => onChange(m.toValue(Number(e.target.value)))}
      />
      <output htmlFor={inputId} data-value={name}>{text}</output>
    </div>
  );
}
