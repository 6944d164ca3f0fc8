// A numbered figure: a widget from the registry (or static children), an Embed button, and a
// caption that says what to try. Widths follow Distill: body (text column), page, screen.
import type { ReactNode } from 'react';
import { isWidgetId, widgetIds, widgetTitle } from '@/components/widgets/catalog';
import { EmbedStateProvider } from '@/components/embed/EmbedStateContext';
import { LazyWidget } from '@/components/embed/LazyWidget';
import { EmbedButton } from './EmbedButton';

export interface FigureProps {
  n?: number;
  id?: string;
  widget?: string;
  title?: string;
  width?: 'body' | 'page' | 'screen';
  /** Static content (an image, an SVG) for figures without a widget. */
  content?: ReactNode;
  children?: ReactNode;
}

export function Figure({ n, id, widget, title, width = 'page', content, children }: FigureProps) {
  const known = widget !== undefined && isWidgetId(widget);
  // A typo in the MDX must fail the build, not ship an empty figure.
  if (widget && !known) throw new Error(`<Figure widget="${widget}">: unknown widget (registered: ${widgetIds.join(', ')})`);
  const figureId = id ?? (n !== undefined ? `figure-${n}` : undefined);
  const label = n !== undefined ? `Figure ${n}` : 'Figure';
  return (
    <figure className={`figure figure-${width}`} id={figureId} data-figure={widget ?? ''}>
      {widget && known ? (
        <EmbedStateProvider>
          <div className="figure-widget">
            <LazyWidget id={widget} />
          </div>
          <div className="figure-tools">
            <EmbedButton widgetId={widget} title={`${label}: ${title ?? widgetTitle(widget)}`} />
          </div>
        </EmbedStateProvider>
      ) : (
        content && <div className="figure-static">{content}</div>
      )}
      <figcaption>
        <span className="figure-label">{label}.</span> {title && <strong className="figure-title">{title}.</strong>}{' '}
        {children}
      </figcaption>
    </figure>
  );
}
