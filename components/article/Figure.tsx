// A numbered figure: a widget from the registry (or static children), an Embed button, and a
// caption that says what to try. Widths follow Distill: body (text column), page, screen.
import type { ReactNode } from 'react';
import { getWidget, widgetIds } from '@/components/widgets/registry';
import { EmbedStateProvider } from '@/components/embed/EmbedStateContext';
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
  const entry = widget ? getWidget(widget) : undefined;
  // A typo in the MDX must fail the build, not ship an empty figure.
  if (widget && !entry) throw new Error(`<Figure widget="${widget}">: unknown widget (registered: ${widgetIds.join(', ')})`);
  const figureId = id ?? (n !== undefined ? `figure-${n}` : undefined);
  const label = n !== undefined ? `Figure ${n}` : 'Figure';
  return (
    <figure className={`figure figure-${width}`} id={figureId} data-figure={widget ?? ''}>
      {entry ? (
        <EmbedStateProvider>
          <div className="figure-widget">{entry.render()}</div>
          <div className="figure-tools">
            <EmbedButton widgetId={entry.id} title={`${label}: ${title ?? entry.title}`} height={entry.height} />
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
