'use client';
// The widget of an /embed/<id>/ page. The static HTML holds the widget with its defaults (never a
// blank frame); after hydration the query string is read and the widget restarts from it.
import { useEffect, useState } from 'react';
import { getWidget } from '@/components/widgets/registry';

export function EmbeddedWidget({ id }: { id: string }) {
  const [search, setSearch] = useState('');
  useEffect(() => {
    setSearch(window.location.search);
  }, []);
  const entry = getWidget(id);
  if (!entry) return <p role="status">Unknown figure “{id}”.</p>;
  return <div className="embedded-widget">{entry.renderEmbed(search)}</div>;
}
