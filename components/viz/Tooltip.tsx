// A small HTML tooltip anchored at a point of an SVG chart. Coordinates are in the chart's viewBox
// units and become percentages, so the tooltip stays on its mark however the SVG is scaled.
// The parent must be position: relative (the `.viz-chart` wrapper is).
//
//   <div className="viz-chart">
//     <svg viewBox={`0 0 ${w} ${h}`}>…</svg>
//     {hover && <Tooltip x={cx} y={cy} viewWidth={w} viewHeight={h}>J₁₂ = {formatNumber(v)}</Tooltip>}
//   </div>
import type { ReactNode } from 'react';

export interface TooltipProps {
  x: number;
  y: number;
  viewWidth: number;
  viewHeight: number;
  children: ReactNode;
  /** Above the anchor (default) or below it (for anchors near the top). */
  placement?: 'above' | 'below';
  id?: string;
}

export function Tooltip({ x, y, viewWidth, viewHeight, children, placement, id }: TooltipProps) {
  const fx = viewWidth > 0 ? x / viewWidth : 0.5;
  const fy = viewHeight > 0 ? y / viewHeight : 0.5;
  const place = placement ?? (fy < 0.2 ? 'below' : 'above');
  // Near the left/right edges anchor the box's edge instead of its centre so it stays inside.
  const shift = fx < 0.15 ? '0%' : fx > 0.85 ? '-100%' : '-50%';
  const ty = place === 'below' ? '8px' : 'calc(-100% - 8px)';
  return (
    <div
      role="tooltip"
      id={id}
      className="viz-tooltip"
      data-placement={place}
      style={{ left: `${(fx * 100).toFixed(2)}%`, top: `${(fy * 100).toFixed(2)}%`, transform: `translate(${shift}, ${ty})` }}
    >
      {children}
    </div>
  );
}
