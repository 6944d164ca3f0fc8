// /embed/<id>/: one widget, chrome-less, configured by its query string (read in the browser).
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EmbeddedWidget } from '@/components/embed/EmbeddedWidget';
import { oembedLink } from '@/components/embed/oembed';
import { isWidgetId, widgetIds, widgetTitle } from '@/components/widgets/catalog';

export const dynamicParams = false;

export function generateStaticParams() {
  return widgetIds.map((widget) => ({ widget }));
}

interface Params {
  params: Promise<{ widget: string }>;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { widget } = await params;
  return { title: widgetTitle(widget), alternates: oembedLink(widget) };
}

export default async function EmbedWidgetPage({ params }: Params) {
  const { widget } = await params;
  if (!isWidgetId(widget)) notFound();
  return <EmbeddedWidget id={widget} />;
}
