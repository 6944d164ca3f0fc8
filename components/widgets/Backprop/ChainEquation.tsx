// Equation eq:chain-rule as HTML, one button per factor (no MathJax at runtime): the factor being
// applied at the current step is highlighted, those already applied are marked done, and clicking
// a factor (or Enter/Space on it) jumps to the step that applies it. Under each factor, its shape.
// Beside it, the step's side equation: ∂ℒ/∂θ_k = ∂ℒ/∂y_k · ∂y_k/∂θ_k at the current layer
// (∂ℒ/∂y₃ = y₃ − y* at step 0), which is where the parameter gradients of layers 3 and 2 come from.
import type { ReactNode } from 'react';
import { CHAIN_RULE_EQ_NUMBER, FACTORS, factorShape, factorState } from './model';
import styles from './Backprop.module.css';

/** A ∂num/∂den fraction in HTML (the visual; the accessible name is given by the caller). */
export function Frac({ num, den }: { num: ReactNode; den: ReactNode }) {
  return (
    <span className={styles.frac} aria-hidden="true">
      <span className={styles.fracNum}>∂{num}</span>
      <span className={styles.fracDen}>∂{den}</span>
    </span>
  );
}

const SUB = ['', '₁', '₂', '₃'];

export interface ChainEquationProps {
  step: number;
  onFactor?: (i: number) => void;
}

export function ChainEquation({ step, onFactor }: ChainEquationProps) {
  return (
    <div className={styles.equations}>
      <div className={styles.equation} role="group" aria-label={`Equation ${CHAIN_RULE_EQ_NUMBER}, the chain rule: ∂ℒ/∂θ₁ = ∂ℒ/∂y₃ · ∂y₃/∂y₂ · ∂y₂/∂y₁ · ∂y₁/∂θ₁`} data-equation="chain-rule">
        <span className={styles.lhs} data-state={step === 3 ? 'current' : 'pending'}>
          <Frac num="ℒ" den="θ₁" />
        </span>
        <span className={styles.op} aria-hidden="true">=</span>
        {FACTORS.map((f, i) => {
          const st = factorState(i, step);
          return (
            <button
              key={f.text}
              type="button"
              className={styles.factor}
              data-factor={i}
              data-state={st}
              aria-current={st === 'current' ? 'step' : undefined}
              aria-label={`${f.text} (${factorShape(i)}), step ${i}${st === 'current' ? ', being applied' : st === 'done' ? ', applied' : ''}`}
              onClick={() => onFactor?.(i)}
            >
              <Frac num={f.num} den={f.den} />
              <span className={styles.shape} aria-hidden="true">{factorShape(i)}</span>
            </button>
          );
        })}
        <span className={styles.eqNumber} aria-hidden="true">({CHAIN_RULE_EQ_NUMBER})</span>
      </div>
      <SideEquation step={step} />
    </div>
  );
}

/** The step's own product: where ∂ℒ/∂y₃ comes from (step 0), or ∂ℒ/∂θ_k at layer k. */
function SideEquation({ step }: { step: number }) {
  if (step === 0) {
    return (
      <p className={styles.side} data-equation="side" aria-label="∂ℒ/∂y₃ = y₃ − y*, the derivative of ℒ = ½‖y₃ − y*‖²">
        <Frac num="ℒ" den="y₃" /> <span aria-hidden="true">= y₃ − y*</span>
        <span className={styles.sideNote} aria-hidden="true">(ℒ = ½‖y₃ − y*‖²)</span>
      </p>
    );
  }
  const k = 4 - step;
  const s = SUB[k];
  return (
    <p className={styles.side} data-equation="side" aria-label={`On the side at layer ${k}: ∂ℒ/∂θ${s} = ∂ℒ/∂y${s} · ∂y${s}/∂θ${s}`}>
      <span className={styles.sideNote} aria-hidden="true">layer {k}:</span>
      <Frac num="ℒ" den={`θ${s}`} />
      <span className={styles.op} aria-hidden="true">=</span>
      <span className={styles.sideFactor}><Frac num="ℒ" den={`y${s}`} /></span>
      <span className={styles.sideFactor}><Frac num={`y${s}`} den={`θ${s}`} /></span>
    </p>
  );
}
