// The contract between the registry and a widget. A widget module exports a WidgetSpec from a
// file WITHOUT 'use client' (e.g. components/widgets/Samples/spec.ts), because objects exported
// from a client module reach server components only as opaque references.
import type { ComponentType } from 'react';
import type { z } from 'zod';

export interface WidgetProps<S> {
  /** Full, validated initial state (embed pages). Absent in the article: use ArticleState or defaults. */
  initial?: S;
  /** Names of controls to hide (a subset of the spec's `hidable`). */
  hidden?: readonly string[];
  /** Small rendering for the home page's live miniature. */
  compact?: boolean;
}

export interface WidgetSpec<S> {
  /** Parses both typed props and query strings; every key must have a default (`schema.parse({})` works). */
  schema: z.ZodType<S>;
  /** Controls an embed may hide with `?hide=a,b`. */
  hidable: readonly string[];
  Component: ComponentType<WidgetProps<S>>;
  /** Suggested iframe height in CSS px for the embed snippet (the frame then resizes itself). */
  height?: number;
}
