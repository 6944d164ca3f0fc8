// Where each widget's code lives: the article's figures, the home page miniature and the
// /embed/<id>/ pages load widgets through here. Ids and titles are in ./catalog.ts.
//
// Registering a real widget is ONE line: point its entry at the widget's spec module, e.g.
//   samples: defineWidget('samples', () => import('./Samples/spec').then((m) => m.samplesSpec)),
// where spec.ts (no 'use client') exports a WidgetSpec { schema, hidable, Component, height? }.
//
// Why a loader and not an import: widget code (d3, lib/adjoint, the view) loads only when its
// figure nears the viewport (components/embed/LazyWidget.tsx). The first load carries the
// framework alone, whatever the number of figures, and the static HTML already shows every figure
// (server-rendered), so nothing shifts when a widget wakes.
// Import this module from CLIENT code only (server code: ./catalog.ts); keep it free of heavy imports.
import { toLoadedWidget, type LoadedWidget } from '@/components/embed/loadedWidget';
import type { WidgetSpec } from '@/components/embed/widgetTypes';
import { isWidgetId, widgetTitle, type WidgetId } from './catalog';

export interface WidgetEntry {
  id: WidgetId;
  title: string;
  /** Loads the widget's code (once; later calls share the promise). */
  load: () => Promise<LoadedWidget>;
}

export function defineWidget<S>(id: WidgetId, loadSpec: () => Promise<WidgetSpec<S>>): WidgetEntry {
  let loaded: Promise<LoadedWidget> | undefined;
  return {
    id,
    title: widgetTitle(id),
    load: () => (loaded ??= loadSpec().then((spec) => toLoadedWidget(id, spec))),
  };
}

function placeholder(id: WidgetId): WidgetEntry {
  return defineWidget(id, () => import('@/components/embed/WidgetPlaceholder').then((m) => m.placeholderSpec(id, widgetTitle(id))));
}

export const widgets: Record<WidgetId, WidgetEntry> = {
  samples: defineWidget('samples', () => import('./Samples/spec').then((m) => m.samplesSpec)),
  sensitivity: defineWidget('sensitivity', () => import('./Sensitivity/spec').then((m) => m.sensitivitySpec)),
  jacobian: defineWidget('jacobian', () => import('./Jacobian/spec').then((m) => m.jacobianSpec)),
  integral: defineWidget('integral', () => import('./Integral/spec').then((m) => m.integralSpec)),
  backprop: defineWidget('backprop', () => import('./Backprop/spec').then((m) => m.backpropSpec)),
  'euler-limit': defineWidget('euler-limit', () => import('./EulerLimit/spec').then((m) => m.eulerLimitSpec)),
  gradcheck: defineWidget('gradcheck', () => import('./GradCheck/spec').then((m) => m.gradcheckSpec)),
};

export function getWidget(id: string): WidgetEntry | undefined {
  return isWidgetId(id) ? widgets[id] : undefined;
}
