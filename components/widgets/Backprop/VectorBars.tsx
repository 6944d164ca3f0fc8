// A row vector as numbers with small two-sided bar glyphs (orange > 0, purple < 0, the heatmaps'
// diverging hues), on a shared scale |v|/maxAbs. Each entry: data-value="<name>[i]" and
// data-number = the full-precision value (the site's test hooks).
import { formatNumber } from '@/components/viz/format';
import styles from './Backprop.module.css';

const fmt = (v: number) => formatNumber(v, { digits: 4, trim: false });

export interface VectorBarsProps {
  /** data-value stem: "upstream" → upstream[0], upstream[1], … */
  name: string;
  /** Visible heading, e.g. "∂ℒ/∂y₃". */
  label: string;
  values: readonly number[];
  /** Entry names (e.g. "y₃[1]"); default 1, 2, … */
  entryLabels?: readonly string[];
  /** Half-width of the bar scale; default max |v|. */
  maxAbs?: number;
  /** Highlight (the vector just produced). */
  emphasis?: boolean;
  source?: string;
}

export function VectorBars({ name, label, values, entryLabels, maxAbs, emphasis = false, source }: VectorBarsProps) {
  const m = maxAbs ?? values.reduce((a, v) => Math.max(a, Math.abs(v)), 0);
  return (
    <figure className={styles.vector} data-vector={name} data-emphasis={emphasis || undefined} data-source={source}>
      <figcaption className={styles.vectorLabel}>
        {label} <span className={styles.dim}>(1×{values.length})</span>
      </figcaption>
      <ol className={styles.entries}>
        {values.map((v, i) => {
          const f = m > 0 ? Math.min(1, Math.abs(v) / m) : 0;
          return (
            <li key={i} className={styles.entry}>
              <span className={styles.entryName}>{entryLabels?.[i] ?? i + 1}</span>
              <span className={styles.entryValue} data-value={`${name}[${i}]`} data-number={String(v)}>{fmt(v)}</span>
              <span className={styles.bar} aria-hidden="true">
                <span className={styles.barFill} data-sign={v < 0 ? 'neg' : 'pos'} style={{ width: `${(f * 50).toFixed(2)}%` }} />
              </span>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}
