// The ResNet → ODE widget's entry for the registry (no 'use client': the registry reads the schema
// on the server).
import type { WidgetSpec } from '@/components/embed/widgetTypes';
import { EulerLimit } from './EulerLimit';
import { EULER_LIMIT_HIDABLE, eulerLimitSchema, type EulerLimitUrlState } from './model';

export const eulerLimitSpec: WidgetSpec<EulerLimitUrlState> = {
  schema: eulerLimitSchema,
  hidable: EULER_LIMIT_HIDABLE,
  Component: EulerLimit,
  height: 900,
};
