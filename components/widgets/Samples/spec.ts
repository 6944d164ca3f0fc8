// Figure 1's entry for the widget registry (no 'use client': the registry reads the schema on the server).
import type { WidgetSpec } from '@/components/embed/widgetTypes';
import { Samples } from './Samples';
import { SAMPLES_HIDABLE, samplesSchema, type SamplesUrlState } from './urlState';

export const samplesSpec: WidgetSpec<SamplesUrlState> = {
  schema: samplesSchema,
  hidable: SAMPLES_HIDABLE,
  Component: Samples,
  height: 720,
};
