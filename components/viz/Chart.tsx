// The SVG root every chart uses: a viewBox of the layout size, width 100%, fixed aspect ratio (see
// useChartSize), a <title> and aria-label. role="img" for static charts; charts with focusable
// marks use role="group" so their marks stay reachable by assistive technology.
//
//   <ChartSvg width={640} height={400} title="Trajectories of z(t)">{marks}</ChartSvg>
import type { ReactNode, SVGProps } from 'react';
import './viz.css';

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const DEFAULT_MARGIN: Margin = { top: 16, right: 16, bottom: 44, left: 56 };

export interface ChartSvgProps extends Omit<SVGProps<SVGSVGElement>, 'width' | 'height' | 'title' | 'role'> {
  width: number;
  height: number;
  /** Short accessible name (also the SVG <title>). */
  title: string;
  /** Longer description (SVG <desc>). */
  description?: string;
  role?: 'img' | 'group' | 'grid';
  children?: ReactNode;
}

export function ChartSvg({ width, height, title, description, role = 'img', children, className, style, ...rest }: ChartSvgProps) {
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      className={className ? `viz-svg ${className}` : 'viz-svg'}
      role={role}
      aria-label={title}
      style={{ aspectRatio: `${width} / ${height}`, ...style }}
      {...rest}
    >
      <title>{title}</title>
      {description ? <desc>{description}</desc> : null}
      {children}
    </svg>
  );
}

/** Inner plotting rectangle for a layout size and margin. */
export function innerBox(width: number, height: number, margin: Margin = DEFAULT_MARGIN) {
  return {
    x0: margin.left,
    x1: Math.max(margin.left + 1, width - margin.right),
    y0: margin.top,
    y1: Math.max(margin.top + 1, height - margin.bottom),
  };
}
