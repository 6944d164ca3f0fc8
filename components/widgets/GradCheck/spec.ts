// The gradient check's entry for the widget registry (no 'use client': the registry reads the schema
// on the server).
import type { WidgetSpec } from '@/components/embed/widgetTypes';
import { GradCheck } from './GradCheck';
import { GRADCHECK_HIDABLE, gradcheckSchema, type GradCheckUrlState } from './model';

export const gradcheckSpec: WidgetSpec<GradCheckUrlState> = {
  schema: gradcheckSchema,
  hidable: GRADCHECK_HIDABLE,
  Component: GradCheck,
  height: 900,
};
