// Every widget the site can show, by id: the article's figures, the home page miniature and the
// /embed/<id>/ pages all look widgets up here (the embed routes are generated from this list).
//
// Registering a real widget is a one-line change (plus its import): replace the entry's
// `placeholder(...)` with the widget's spec, e.g.
//   import { samplesSpec } from './Samples/spec';
import { sensitivitySpec } from './Sensitivity/spec';
//   samples: defineWidget('samples', 'Samples from a neural ODE', samplesSpec),
// where spec.ts (no 'use client') exports { schema, hidable, Component, height? }.
import type { ReactNode } from 'react';
import { z } from 'zod';
import { parseEmbedQuery } from '@/components/embed/parseEmbedQuery';
import { placeholderFor } from '@/components/embed/WidgetPlaceholder';
import type { WidgetSpec } from '@/components/embed/widgetTypes';
import { samplesSpec } from './Samples/spec';

export interface WidgetEntry {
  id: string;
  title: string;
  hidable: readonly string[];
  height: number;
  /** The widget with its defaults (article figures, home page). */
  render: (options?: { compact?: boolean }) => ReactNode;
  /** The widget configured from an embed URL's query string, with a notice for what was invalid. */
  renderEmbed: (search: string) => ReactNode;
  /** The state an embed starts from when its URL says nothing. */
  defaults: () => Readonly<Record<string, unknown>>;
}

// The type parameter lives only inside this closure: outside, entries are uniform, and no cast
// is needed to put widgets with different states in one table.
export function defineWidget<S>(id: string, title: string, spec: WidgetSpec<S>): WidgetEntry {
  const { Component, schema, hidable } = spec;
  return {
    id,
    title,
    hidable,
    height: spec.height ?? 420,
    render: (options = {}) => <Component compact={options.compact} />,
    renderEmbed: (search) => {
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
    },
    defaults: () => schema.parse({}) as Readonly<Record<string, unknown>>,
  };
}

function placeholder(id: string, title: string): WidgetEntry {
  return defineWidget(id, title, { schema: z.object({}), hidable: [], Component: placeholderFor(id, title), height: 200 });
}

export const widgets = {
  samples: defineWidget('samples', 'Samples from a neural ODE', samplesSpec),
  sensitivity: defineWidget('sensitivity', 'The sensitivity travels backward', sensitivitySpec),
  jacobian: placeholder('jacobian', 'The Jacobian along the trajectory'),
  integral: placeholder('integral', 'The parameter gradient as an integral'),
  backprop: placeholder('backprop', 'Adjoint versus backpropagation through the solver'),
  'euler-limit': placeholder('euler-limit', 'Backpropagation through Euler tends to the adjoint'),
  gradcheck: placeholder('gradcheck', 'Checking gradients against finite differences'),
} satisfies Record<string, WidgetEntry>;

export type WidgetId = keyof typeof widgets;

export const widgetIds = Object.keys(widgets) as WidgetId[];

export function isWidgetId(id: string): id is WidgetId {
  return Object.hasOwn(widgets, id);
}

export function getWidget(id: string): WidgetEntry | undefined {
  return isWidgetId(id) ? widgets[id] : undefined;
}
