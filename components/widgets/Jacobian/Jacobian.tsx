'use client';
// Figure 3: the Jacobians of the dynamics at the current time τ, on the trace's forward state z(τ).
//   ∂f/∂z (D×D heatmap): row i = output f_i, column j = input z_j (the article's corrected orientation).
//   ∂f/∂θ (D×P heatmap): columns grouped by layer and W/b; click or Enter on a cell selects that
//   parameter θ_k for the integral figure (shared state).
//   ds/dt = −s(τ)ᵀ ∂f/∂z as a vector.
// τ follows the article's shared state (the stepper moves it too); the widget's own scrubber moves it.
//
// data-value names (each with data-number = full-precision value; read by e2e/jacobian.spec.ts):
//   jz[i,j]        ∂f_i/∂z_j cell (components/viz Heatmap's naming: "<name>[i,j]")
//   jtheta[i,k]    ∂f_i/∂θ_k cell
//   cell           the focused (or hovered, or last touched) cell's value; its label names the cell
//   dsdt-0, dsdt-1 ds/dt = −s(τ)ᵀ ∂f/∂z
//   s-0, s-1       s(τ);   z-0, z-1  z(τ);   tau  τ;   param  the selected parameter's name (text)
// Performance entry: 'jacobian-redraw' (a new τ → committed DOM). data-ready on the inner root after hydration.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type SyntheticEvent } from 'react';
import { Heatmap } from '@/components/viz/Heatmap';
import { useAnnouncer } from '@/components/viz/LiveRegion';
import { useChartSize } from '@/components/viz/useChartSize';
import { formatNumber } from '@/components/viz/format';
import { Scrubber } from '@/components/controls/Scrubber';
import { Select } from '@/components/controls/Select';
import { WidgetFrame, type ControlItem, type Readout } from '@/components/controls/WidgetFrame';
import { useReportEmbedState } from '@/components/embed/EmbedStateContext';
import type { WidgetProps } from '@/components/embed/widgetTypes';
import { SENSITIVITY_PRESETS, SENSITIVITY_PRESET_IDS, type SensitivityPresetId } from '@/components/widgets/shared/presets';
import { useSensitivityState } from '@/components/widgets/shared/useSensitivityState';
import { clampTau } from '@/components/widgets/shared/traceLookup';
import { formatObs } from '@/components/widgets/shared/urlState';
import { cellName, cellValue, colourRange, jacobianAt, matrixRows, outputLabel, stateLabel, tauStep, type JacobianAt, type JacobianUrlState, type MatrixName } from './model';
import { paramColumnGroups, paramColumnLabel, paramName, subscript } from './paramGroups';
import { useProblemTrace } from './useProblemTrace';
import { useHydrationSafeState } from './useHydrationSafeState';
import { measureSince, perfNow } from './perf';
import styles from './Jacobian.module.css';

const fmt = (v: number) => formatNumber(v, { digits: 4 });

interface Cell {
  which: MatrixName;
  i: number;
  j: number;
}

/** The heatmap cell an event happened in (cells carry data-row/data-col inside [data-heatmap]). */
function cellOf(target: EventTarget | null): Cell | null {
  if (!(target instanceof Element)) return null;
  const el = target.closest('[data-row]');
  const which = el?.closest('[data-heatmap]')?.getAttribute('data-heatmap');
  if (!el || (which !== 'jz' && which !== 'jtheta')) return null;
  return { which, i: Number(el.getAttribute('data-row')), j: Number(el.getAttribute('data-col')) };
}

export function Jacobian({ initial, hidden = [], compact = false }: WidgetProps<JacobianUrlState>) {
  const st = useHydrationSafeState(useSensitivityState(initial));
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  const { pt, error } = useProblemTrace(st.presetId, st.obs);
  const tau = pt ? clampTau(pt.trace, st.tau) : st.tau;

  // Time from the first render at a new τ to the committed DOM: the whole redraw, whoever moved τ.
  const lastTau = useRef<number | null>(null);
  const renderStart = useRef<number | null>(null);
  if (lastTau.current !== tau) {
    if (lastTau.current !== null) renderStart.current = perfNow();
    lastTau.current = tau;
  }
  useLayoutEffect(() => {
    if (renderStart.current !== null) {
      measureSince('jacobian-redraw', renderStart.current);
      renderStart.current = null;
    }
  }, [tau]);

  // A failed evaluation keeps the last good matrices on screen and shows the error in the banner.
  const atResult = useMemo<{ at: JacobianAt | null; error: unknown }>(() => {
    if (!pt) return { at: null, error: null };
    try {
      return { at: jacobianAt(pt, tau), error: null };
    } catch (err) {
      return { at: null, error: err };
    }
  }, [pt, tau]);
  const lastAt = useRef<JacobianAt | null>(null);
  if (atResult.at) lastAt.current = atResult.at;
  const at = atResult.at ?? lastAt.current;
  const atError = atResult.error;
  const range = useMemo(() => {
    if (!pt) return null;
    try {
      return colourRange(pt);
    } catch {
      return null;
    }
  }, [pt]);

  const D = pt?.trace.D ?? 2;
  const P = pt?.trace.P ?? 0;
  const paramIndex = pt && st.paramIndex < P ? st.paramIndex : 0;
  const [selRow, setSelRow] = useState(0);

  // ---- the cell shown in the readout: the focused or hovered one, else the last one touched ----
  const [cell, setCell] = useState<Cell>({ which: 'jz', i: 0, j: 0 });
  const interacted = useRef(false);
  const track = useCallback((e: SyntheticEvent) => {
    const c = cellOf(e.target);
    if (!c) return;
    interacted.current = true;
    setCell((old) => (old.which === c.which && old.i === c.i && old.j === c.j ? old : c));
  }, []);
  const cellVal = at ? cellValue(at, D, P, cell.which, cell.i, cell.j) : Number.NaN;
  const cellLabel = pt && Number.isFinite(cellVal) ? cellName(pt, cell.which, cell.i, cell.j) : '∂f/∂z';

  // ---- announcements (throttled, polite): the cell under focus, and ds/dt when τ moves ----
  const { message, announce } = useAnnouncer(700);
  const announceText = at && Number.isFinite(cellVal)
    ? `${cellLabel} = ${fmt(cellVal)} at τ = ${fmt(at.tau)}; ds/dt = (${Array.from(at.dsdt, fmt).join(', ')})`
    : '';
  useEffect(() => {
    if (interacted.current && announceText) announce(announceText);
  }, [announceText, announce]);

  const { setTau, setParamIndex } = st;
  const onTau = useCallback((v: number) => {
    interacted.current = true;
    setTau(v);
  }, [setTau]);
  const onSelectParam = useCallback((row: number, col: number) => {
    interacted.current = true;
    setSelRow(row);
    setParamIndex(col);
    if (pt) announce(`Selected parameter ${paramName(pt.labels[col])} for the gradient integral.`);
  }, [setParamIndex, pt, announce]);

  useReportEmbedState({ preset: st.presetId, tau: Math.round(tau * 1000) / 1000, obs: formatObs(st.obs), param: paramIndex });

  // ---- layout ----
  const jzSize = useChartSize({ defaultWidth: 300, aspect: 1.12, minWidth: 200, maxWidth: 300 });
  const jtSize = useChartSize({ defaultWidth: 640, aspect: 640 / 170, minWidth: 280 });

  const rowLabels = useMemo(() => Array.from({ length: D }, (_, i) => outputLabel(i)), [D]);
  const zLabels = useMemo(() => Array.from({ length: D }, (_, j) => stateLabel(j)), [D]);
  const thetaLabels = useMemo(() => (pt ? pt.labels.map(paramColumnLabel) : []), [pt]);
  const groups = useMemo(() => (pt ? paramColumnGroups(pt.blocks) : []), [pt]);
  const jzRows = useMemo(() => (at ? matrixRows(at.jz, D, D) : []), [at, D]);
  const jtRows = useMemo(() => (at ? matrixRows(at.jtheta, D, P) : []), [at, D, P]);

  const span = pt ? [pt.trace.obsTimes[0], pt.trace.obsTimes[pt.trace.obsTimes.length - 1]] : [0, 1];
  const controls: ControlItem[] = [];
  if (!st.shared && !compact) {
    controls.push({
      name: 'preset',
      node: (
        <Select<SensitivityPresetId>
          label="Problem"
          value={st.presetId}
          options={SENSITIVITY_PRESET_IDS.map((id) => ({ value: id, label: SENSITIVITY_PRESETS[id].label }))}
          onChange={(id) => { interacted.current = true; st.setPresetId(id); }}
        />
      ),
    });
  }
  if (pt && !compact) {
    controls.push({
      name: 'time',
      node: (
        <Scrubber
          label="time τ"
          value={tau}
          min={span[0]}
          max={span[1]}
          step={tauStep(pt)}
          onChange={onTau}
          direction="backward"
          format={fmt}
          ticks={Array.from(pt.trace.obsTimes, (v, k) => ({ value: v, label: `t${subscript(k)}` }))}
        />
      ),
    });
  }

  const readouts: Readout[] = at
    ? [
        { name: 'tau', label: 'τ', value: at.tau, format: fmt },
        { name: 'cell', label: cellLabel, value: cellVal, format: fmt, title: 'The focused or hovered heatmap cell' },
        ...Array.from(at.z, (v, d) => ({ name: `z-${d}`, label: `z${subscript(d + 1)}(τ)`, value: v, format: fmt })),
        ...Array.from(at.s, (v, d) => ({ name: `s-${d}`, label: `s${subscript(d + 1)}(τ)`, value: v, format: fmt })),
      ]
    : [];
  if (pt && !compact) readouts.push({ name: 'param', label: 'selected θ', value: paramName(pt.labels[paramIndex]), title: 'Used by the gradient-integral figure' });

  const frameError = error ?? atError;
  return (
    <WidgetFrame
      id="jacobian"
      title="The Jacobian along the trajectory"
      showTitle={!st.shared && !compact}
      controls={controls}
      hidden={hidden}
      readouts={readouts}
      error={frameError}
      live={message}
      compact={compact}
    >
      <div className={styles.ready} data-ready={ready ? '' : undefined} data-preset={st.presetId} onFocus={track} onPointerOver={track} onClick={track}>
        <div className={styles.top}>
          <div className={styles.panel} ref={jzSize.ref}>
            <p className={styles.heading}>∂f/∂z at (z(τ), τ)</p>
            {at && range && (
              <Heatmap
                width={jzSize.width}
                height={jzSize.height}
                title={`∂f/∂z at τ = ${fmt(at.tau)}: rows are outputs f_i, columns inputs z_j`}
                name="jz"
                values={jzRows}
                rowLabels={rowLabels}
                colLabels={zLabels}
                maxAbs={range.jz}
                format={fmt}
                legend="∂fᵢ/∂zⱼ"
              />
            )}
            <p className={styles.caption}>
              Row i is the output f<sub>i</sub>, column j the input z<sub>j</sub>: the entry is ∂f<sub>i</sub>/∂z<sub>j</sub>, as in the article’s corrected equation for J.
            </p>
          </div>
          <div className={styles.panel}>
            <p className={styles.heading}>ds/dt = −s(τ)ᵀ ∂f/∂z</p>
            {at && (
              <dl className={styles.vector} aria-label="ds/dt at τ">
                {Array.from(at.dsdt, (v, d) => (
                  <div key={d}>
                    <dt>{`ds${subscript(d + 1)}/dt`}</dt>
                    <dd data-value={`dsdt-${d}`} data-number={String(v)}>{fmt(v)}</dd>
                  </div>
                ))}
              </dl>
            )}
            <p className={styles.caption}>
              The row vector s(τ)ᵀ times this matrix, with a minus sign, is how fast the sensitivity changes: one vector–Jacobian product (lib: the dynamics’ VJP with cotangent s(τ)).
            </p>
          </div>
        </div>
        {!compact && (
          <div className={styles.panel} ref={jtSize.ref}>
            <p className={styles.heading}>∂f/∂θ at (z(τ), τ): {P} parameters, grouped by layer and W/b</p>
            {at && range && (
              <Heatmap
                width={jtSize.width}
                height={jtSize.height}
                title={`∂f/∂θ at τ = ${fmt(at.tau)}: rows are outputs f_i, columns parameters θ_k`}
                name="jtheta"
                values={jtRows}
                rowLabels={rowLabels}
                colLabels={thetaLabels}
                colGroups={groups}
                maxAbs={range.jtheta}
                format={fmt}
                legend="∂fᵢ/∂θₖ"
                selected={[selRow, paramIndex]}
                onSelect={onSelectParam}
                rowLabelWidth={32}
              />
            )}
            <p className={styles.caption}>
              Click a cell, or focus the grid and press Enter, to follow that parameter in the gradient integral (Figure 6). Arrow keys move between cells; Home/End go to a row’s ends.
            </p>
          </div>
        )}
      </div>
    </WidgetFrame>
  );
}
