'use client';
// Renders a registry widget whose code loads only when the figure nears the viewport (or at once
// with `eager`), while the static HTML still holds the complete widget.
//
// How: on the server the widget renders normally (`use` waits for its module), so the exported
// HTML has the full figure, even with JavaScript off. In the browser, hydration renders the
// wrapper with an empty `dangerouslySetInnerHTML`: React then keeps the server HTML untouched
// ("frozen") and needs none of the widget's code. When the figure nears the viewport, the code
// loads and the widget mounts fresh in place of the frozen HTML, in one commit: the markup is the
// same, so nothing moves. (A <Suspense> boundary would also defer hydration, but React streams
// large boundaries out of line, so the figures would appear only once the whole page had loaded.)
import { use, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { getWidget } from '@/components/widgets/registry';
import type { LoadedWidget } from './loadedWidget';

/** How far below the viewport a figure starts loading, so it is live by the time it is seen. */
const WAKE_MARGIN = '400px 0px';
const FROZEN = { __html: '' };
const noSubscribe = () => () => {};

export interface LazyWidgetProps {
  id: string;
  /** Which face of the widget: its defaults, or configured from the page's query string. */
  mode?: 'widget' | 'embed';
  compact?: boolean;
  /** Load at once instead of on approach (embed pages, the home page miniature). */
  eager?: boolean;
}

function pick(loaded: LoadedWidget, mode: 'widget' | 'embed') {
  return mode === 'embed' ? loaded.Embed : loaded.Widget;
}

export function LazyWidget({ id, mode = 'widget', compact, eager = false }: LazyWidgetProps) {
  const entry = getWidget(id);
  if (!entry) throw new Error(`LazyWidget: unknown widget "${id}"`);

  // True only while hydrating server HTML (React uses the server snapshot then); captured once, so
  // a later client-only render (client-side navigation) knows there is no HTML to keep.
  const hydrating = useSyncExternalStore(noSubscribe, () => false, () => true);
  const [hasServerHtml] = useState(hydrating);
  const [loaded, setLoaded] = useState<LoadedWidget | null>(null);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    const wake = () => {
      entry.load().then(
        (w) => !cancelled && setLoaded(w),
        (err: unknown) => console.error(`Widget "${id}" failed to load`, err),
      );
    };
    const el = ref.current;
    if (eager || !el || typeof IntersectionObserver === 'undefined') {
      wake();
      return () => {
        cancelled = true;
      };
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          wake();
        }
      },
      { rootMargin: WAKE_MARGIN },
    );
    observer.observe(el);
    return () => {
      cancelled = true;
      observer.disconnect();
    };
  }, [entry, id, eager]);

  if (typeof window === 'undefined') {
    // Server: render the real widget into the static HTML.
    const Widget = pick(use(entry.load()), mode);
    return (
      <div ref={ref} className="lazy-widget">
        <Widget compact={compact} />
      </div>
    );
  }
  if (loaded) {
    const Widget = pick(loaded, mode);
    return (
      <div ref={ref} className="lazy-widget">
        <Widget compact={compact} />
      </div>
    );
  }
  if (hasServerHtml) return <div ref={ref} className="lazy-widget" dangerouslySetInnerHTML={FROZEN} suppressHydrationWarning />;
  return (
    <div ref={ref} className="lazy-widget">
      <div data-widget={id} className="widget-loading" aria-busy="true">
        Loading the figure…
      </div>
    </div>
  );
}
