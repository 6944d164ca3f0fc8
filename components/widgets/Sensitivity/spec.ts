// The sensitivity stepper's entry for the widget registry (no 'use client': the registry reads the
// schema on the server).
import type { WidgetSpec } from '@/components/embed/widgetTypes';
import { SensitivityStepper } from './SensitivityStepper';
import { SENSITIVITY_HIDABLE, sensitivitySchema, type SensitivityUrlState } from './model';

export const sensitivitySpec: WidgetSpec<SensitivityUrlState> = {
  schema: sensitivitySchema,
  hidable: SENSITIVITY_HIDABLE,
  Component: SensitivityStepper,
  height: 760,
};
