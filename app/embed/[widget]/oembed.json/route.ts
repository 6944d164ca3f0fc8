// Static oembed.json for each widget's embed page (emitted as a file by the static export).
// A route handler, not a page: loading the widget's spec here (for its height) ships nothing.
import { oembedFor } from '@/components/embed/oembed';
import { isWidgetId, widgetIds, widgetTitle } from '@/components/widgets/catalog';
import { widgets } from '@/components/widgets/registry';

export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return widgetIds.map((widget) => ({ widget }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ widget: string }> }) {
  const { widget } = await params;
  if (!isWidgetId(widget)) return new Response('Not found', { status: 404 });
  const { height } = await widgets[widget].load();
  return Response.json(oembedFor(widget, widgetTitle(widget), height));
}
