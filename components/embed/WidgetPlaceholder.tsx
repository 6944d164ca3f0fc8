// Stands in for a widget that is not built yet, so routes, figures and embeds work end to end.
// Server-renderable, keeps the widget's data-widget root for the tests.
import { z } from 'zod';
import type { WidgetProps, WidgetSpec } from './widgetTypes';

const emptySchema = z.object({});
type Empty = z.infer<typeof emptySchema>;

export function placeholderSpec(id: string, title: string): WidgetSpec<Empty> {
  function Placeholder({ compact }: WidgetProps<Empty>) {
    return (
      <div data-widget={id} className={compact ? 'widget-placeholder compact' : 'widget-placeholder'} role="img" aria-label={`${title}: interactive figure coming`}>
        <svg viewBox="0 0 320 120" width="100%" aria-hidden="true" focusable="false">
          <rect x="1" y="1" width="318" height="118" rx="6" fill="none" stroke="currentColor" strokeDasharray="6 4" opacity="0.4" />
          <path d="M20 90 C 80 20, 140 110, 200 50 S 280 40, 300 30" fill="none" stroke="var(--accent)" strokeWidth="2" />
        </svg>
        <p>{title} — interactive figure coming</p>
      </div>
    );
  }
  Placeholder.displayName = `Placeholder(${id})`;
  return { schema: emptySchema, hidable: [], Component: Placeholder, height: 240 };
}
