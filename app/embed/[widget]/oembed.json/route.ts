// Static oembed.json for each widget's embed page (emitted as a file by the static export).
import { oembedFor } from '@/components/embed/oembed';
import { getWidget, widgetIds } from '@/components/widgets/registry';

export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return widgetIds.map((widget) => ({ widget }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ widget: string }> }) {
  const { widget } = await params;
  const entry = getWidget(widget);
  if (!entry) return new Response('Not found', { status: 404 });
  return Response.json(oembedFor(widget, entry.title, entry.height));
}
