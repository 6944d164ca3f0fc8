// An arrow from (x1, y1) to (x2, y2) in viewBox units: a shaft and a filled head. Nothing is drawn
// for a zero-length arrow (a zero sensitivity has no direction).
//
//   <Arrow x1={x(z[0])} y1={y(z[1])} x2={x(z[0] + a[0])} y2={y(z[1] + a[1])} label="a(t)" color={categoricalVar(1)} />
import { arrowGeometry } from './geometry';
import { vizVar } from './theme';

export interface ArrowProps {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Accessible name, e.g. "sensitivity a(t₁)". */
  label?: string;
  color?: string;
  /** Head length in px. Default 8. */
  head?: number;
  strokeWidth?: number;
}

export function Arrow({ x1, y1, x2, y2, label = 'arrow', color = vizVar.fg, head = 8, strokeWidth = 2 }: ArrowProps) {
  const g = arrowGeometry(x1, y1, x2, y2, head);
  if (!g) return null;
  return (
    <g className="viz-arrow-mark" aria-label={label}>
      <title>{label}</title>
      <path className="viz-arrow" d={g.shaft} style={{ stroke: color, strokeWidth }} />
      <path d={g.head} style={{ fill: color }} />
    </g>
  );
}
