// The largest relative difference of each comparison as a dot on one log axis (10⁻¹² … 1), with the
// solver's rtol and float32's unit roundoff marked: the table's max row at a glance. The axis is fixed,
// so the server-rendered (empty) chart and the filled one have the same size.
import { Axis } from '@/components/viz/Axis';
import { ChartSvg } from '@/components/viz/Chart';
import { logScale } from '@/components/viz/scales';
import { formatNumber } from '@/components/viz/format';
import { TIER_GLYPH, tierOf, type Comparison } from './model';
import styles from './GradCheck.module.css';

const W = 590;
const ROW = 20;
const LEFT = 180;
const RIGHT = 16;
const TOP = 22;
const BOTTOM = 36;
export const STRIP_MIN = 1e-12;
const U32 = 2 ** -24;

export function DiffStrip({ rows, rtol }: { rows: readonly { c: Comparison; label: string }[]; rtol: number }) {
  const height = TOP + rows.length * ROW + BOTTOM;
  const x = logScale([STRIP_MIN, 1], [LEFT, W - RIGHT]);
  const y1 = TOP + rows.length * ROW;
  // The two reference lines lie close together (rtol 1e-7, u 6e-8): each label points away from the other.
  const right = rtol >= U32;
  const marks = [
    { v: rtol, label: 'rtol', start: right },
    { v: U32, label: 'float32 u', start: !right },
  ];
  return (
    <div className={styles.stripBox} tabIndex={0} role="region" aria-label="Largest relative differences: chart">
      <ChartSvg width={W} height={height} title="Largest relative difference of each comparison, log scale" className={styles.strip}>
        <Axis orient="bottom" scale={x} y={y1} log label="max relative difference" ticks={[1e-12, 1e-10, 1e-8, 1e-6, 1e-4, 1e-2, 1]} grid={y1 - TOP} />
        {marks.map((m) => (
          <g key={m.label} aria-hidden="true">
            <line className="viz-marker-line" x1={x(m.v)} x2={x(m.v)} y1={TOP - 4} y2={y1} />
            <text className="viz-marker-label" x={x(m.v)} y={TOP - 8} textAnchor={m.start ? 'start' : 'end'} dx={m.start ? 3 : -3}>{m.label}</text>
          </g>
        ))}
        {rows.map(({ c, label }, i) => {
          const yy = TOP + i * ROW + ROW / 2;
          const ok = Number.isFinite(c.max);
          const v = Math.max(STRIP_MIN, c.max);
          const tier = tierOf(c.max);
          return (
            <g key={c.name} data-strip={c.name}>
              <text x={LEFT - 8} y={yy} dy="0.35em" textAnchor="end" className="viz-muted">{label}</text>
              <line x1={LEFT} x2={W - RIGHT} y1={yy} y2={yy} stroke="var(--viz-grid)" strokeDasharray="1 3" aria-hidden="true" />
              {ok && (
                <g transform={`translate(${x(v)},${yy})`}>
                  <circle r={6} className={`${styles.dot} ${styles[`dot-${tier}`]}`} />
                  <text x={v > 1e-4 ? -9 : 9} textAnchor={v > 1e-4 ? 'end' : 'start'} dy="0.35em" className={styles.dotLabel}>{TIER_GLYPH[tier]} {c.max < STRIP_MIN ? `≤ ${formatNumber(STRIP_MIN)}` : formatNumber(c.max, { digits: 2 })}</text>
                </g>
              )}
            </g>
          );
        })}
      </ChartSvg>
    </div>
  );
}
