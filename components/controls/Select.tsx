'use client';
// A labelled native select (presets, modes): native, so it works with every keyboard, screen reader
// and phone picker.
//
//   <Select label="Preset" value={preset} onChange={setPreset}
//     options={[{ value: 'spiralMlp', label: 'Spiral (MLP)' }, { value: 'linear2d', label: 'Linear 2-D' }]} />
import { useId } from 'react';
import './controls.css';

export interface SelectOption<V extends string> {
  value: V;
  label: string;
  disabled?: boolean;
}

export interface SelectProps<V extends string> {
  label: string;
  value: V;
  options: readonly SelectOption<V>[];
  onChange: (value: V) => void;
  disabled?: boolean;
  id?: string;
}

export function Select<V extends string>({ label, value, options, onChange, disabled, id }: SelectProps<V>) {
  const autoId = useId();
  const selectId = id ?? `ctl-select-${autoId}`;
  return (
    <span className="ctl-select" data-control="select">
      <label htmlFor={selectId}>{label}</label>
      <select
        id={selectId}
        value={value}
        disabled={disabled}
        onChange={(e) => {
          const o = options.find((opt) => opt.value === e.target.value);
          if (o) onChange(o.value);
        }}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>{o.label}</option>
        ))}
      </select>
    </span>
  );
}
