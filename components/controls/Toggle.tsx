'use client';
// An on/off switch (role="switch", aria-checked) whose visible label is part of the button, so
// the whole label is the target and is the accessible name.
//
//   <Toggle label="Show the backward trajectory" checked={showBack} onChange={setShowBack} />
import './controls.css';

export interface ToggleProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  id?: string;
}

export function Toggle({ label, checked, onChange, disabled, id }: ToggleProps) {
  return (
    <button type="button" role="switch" aria-checked={checked} className="ctl-switch" id={id} disabled={disabled} onClick={() => onChange(!checked)} data-control="toggle">
      <span className="ctl-switch-track" aria-hidden="true"><span className="ctl-switch-knob" /></span>
      <span>{label}</span>
    </button>
  );
}
