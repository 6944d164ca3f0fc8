'use client';
// A widget configured from the page's query string. The static HTML and the first (hydrating)
// render use the defaults; the query is read after that, so hydration always matches and the
// frame is never blank. Invalid settings fall back to defaults with a visible notice.
import { useEffect, useState } from 'react';
import { parseEmbedQuery } from './parseEmbedQuery';
import type { WidgetSpec } from './widgetTypes';

export function EmbedFromQuery<S>({ spec }: { spec: WidgetSpec<S> }) {
  const { Component, schema, hidable } = spec;
  const [search, setSearch] = useState('');
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
