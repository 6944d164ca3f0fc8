// The widget of an /embed/<id>/ page: loaded at once, configured from the query string.
import { LazyWidget } from './LazyWidget';

export function EmbeddedWidget({ id }: { id: string }) {
  return (
    <div className="embedded-widget">
      <LazyWidget id={id} mode="embed" eager />
    </div>
  );
}
