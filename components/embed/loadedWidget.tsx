// A widget spec with its state type closed over: outside, every loaded widget looks the same,
// so the registry can hold widgets with different states in one table without casts.
// No hooks here: the registry (and so this module) is also imported by server components.
import type { ComponentType } from 'react';
import { EmbedFromQuery } from './EmbedFromQuery';
import type { WidgetSpec } from './widgetTypes';

export interface LoadedWidget {
  /** The widget with its defaults (article figures, the home page miniature). */
  Widget: ComponentType<{ compact?: boolean }>;
  /** The widget configured from the page's query string, with a notice for what was invalid. */
  Embed: ComponentType<{ search?: string }>;
  hidable: readonly string[];
  height: number;
}

export const DEFAULT_WIDGET_HEIGHT = 480;

export function toLoadedWidget<S>(id: string, spec: WidgetSpec<S>): LoadedWidget {
  const { Component } = spec;
  function Widget({ compact }: { compact?: boolean }) {
    return <Component compact={compact} />;
  }
  function Embed({ search }: { search?: string }) {
    return <EmbedFromQuery spec={spec} initialSearch={search} />;
  }
  Widget.displayName = `Widget(${id})`;
  Embed.displayName = `Embed(${id})`;
  return { Widget, Embed, hidable: spec.hidable, height: spec.height ?? DEFAULT_WIDGET_HEIGHT };
}
