// The Jacobian heatmap's entry for the widget registry (no 'use client': the registry reads the
// schema on the server).
import type { WidgetSpec } from '@/components/embed/widgetTypes';
import { Jacobian } from './Jacobian';
import { JACOBIAN_HIDABLE, jacobianSchema, type JacobianUrlState } from './model';

export const jacobianSpec: WidgetSpec<JacobianUrlState> = {
  schema: jacobianSchema,
  hidable: JACOBIAN_HIDABLE,
  Component: Jacobian,
  height: 640,
};
