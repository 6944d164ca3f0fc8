// The widget ids of the site contract (TEAM.md) and their titles: what server code needs (routes,
// metadata, oEmbed, checking <Figure widget="…">) without touching any widget code.
// Widget code is reached only through ./registry.tsx, which client code alone imports: a server
// module that imported it would make Next ship every widget in the page's first load.
export const widgetCatalog = {
  samples: { title: 'Samples from a neural ODE' },
  sensitivity: { title: 'The sensitivity travels backward' },
  jacobian: { title: 'The Jacobian along the trajectory' },
  integral: { title: 'The parameter gradient as an integral' },
  backprop: { title: 'Backpropagation through three layers' },
  'euler-limit': { title: 'Backpropagation through Euler tends to the adjoint' },
  gradcheck: { title: 'Checking gradients against finite differences' },
} as const satisfies Record<string, { title: string }>;

export type WidgetId = keyof typeof widgetCatalog;

export const widgetIds = Object.keys(widgetCatalog) as WidgetId[];

export function isWidgetId(id: string): id is WidgetId {
  return Object.hasOwn(widgetCatalog, id);
}

export function widgetTitle(id: string): string {
  return isWidgetId(id) ? widgetCatalog[id].title : id;
}
