'use client';
// A widget configured from the page's query string. When hydrating the static HTML (which holds
// the defaults) it starts from '' and reads the query after, so hydration always matches; when
// mounted fresh it may start from the query at once (`initialSearch`), so the widget is built
// once. The frame is never blank. Invalid settings fall back to defaults with a visible notice.
import { useEffect, useState } from 'react';
import { parseEmbedQuery } from './parseEmbedQuery';
import type { WidgetSpec } from './widgetTypes';

export function EmbedFromQuery<S>({ spec, initialSearch = '' }: { spec: WidgetSpec<S>; initialSearch?: string }) {
  const { Component, schema, hidable } = spec;
  const [search, setSearch] = useState(initialSearch);
  useEffect(() => setSearch(window.location.search), []);
  const { state, hidden, problems } = parseEmbedQuery(search, schema, hidable);
  return (
    <>
      {problems.length > 0 && (
        <p role="status" className="embed-notice" data-embed-notice="">
          Some settings in this link were not understood, so defaults are used instead: {problems.join('; ')}.
        </p>
      )}
      <Component key={search} initial={state} hidden={hidden} />
    </>
  );
}
