'use client';
// Previous/next buttons with full labels ("step back one solver step", "next observation"). On
// narrow screens pass short visible texts; the accessible name then starts with the visible text
// (WCAG 2.5.3, label in name) and continues with the full label.
//
//   <StepButtons onPrev={back} onNext={fwd} prevLabel="step back one solver step" nextLabel="step forward one solver step"
//     prevShort="Back" nextShort="Forward" prevDisabled={i === 0} />
import { Button } from './Button';
import './controls.css';

export interface StepButtonsProps {
  onPrev: () => void;
  onNext: () => void;
  prevLabel?: string;
  nextLabel?: string;
  /** Short visible texts (the full labels stay in the accessible names). */
  prevShort?: string;
  nextShort?: string;
  prevDisabled?: boolean;
  nextDisabled?: boolean;
}

export function StepButtons({ onPrev, onNext, prevLabel = 'Previous step', nextLabel = 'Next step', prevShort, nextShort, prevDisabled, nextDisabled }: StepButtonsProps) {
  return (
    <span className="ctl-row" role="group" aria-label="steps" data-control="steps">
      <Button onClick={onPrev} disabled={prevDisabled} aria-label={prevShort ? `${prevShort}: ${prevLabel}` : undefined} data-step="prev">
        <span className="ctl-icon" aria-hidden="true">◀</span>
        {prevShort ?? prevLabel}
      </Button>
      <Button onClick={onNext} disabled={nextDisabled} aria-label={nextShort ? `${nextShort}: ${nextLabel}` : undefined} data-step="next">
        {nextShort ?? nextLabel}
        <span className="ctl-icon" aria-hidden="true">▶</span>
      </Button>
    </span>
  );
}
