// Figure 4's entry for the widget registry (no 'use client': the registry reads the schema on the server).
import type { WidgetSpec } from '@/components/embed/widgetTypes';
import { Backprop } from './Backprop';
import { BACKPROP_HIDABLE, backpropSchema, type BackpropUrlState } from './model';

export const backpropSpec: WidgetSpec<BackpropUrlState> = {
  schema: backpropSchema,
  hidable: BACKPROP_HIDABLE,
  Component: Backprop,
  height: 1000,
};
