// The gradient integral's entry for the widget registry (no 'use client': the registry reads the
// schema on the server).
import type { WidgetSpec } from '@/components/embed/widgetTypes';
import { Integral } from './Integral';
import { INTEGRAL_HIDABLE, integralSchema, type IntegralUrlState } from './model';

export const integralSpec: WidgetSpec<IntegralUrlState> = {
  schema: integralSchema,
  hidable: INTEGRAL_HIDABLE,
  Component: Integral,
  height: 620,
};
