'use client';
// Renders a registry widget whose code loads only when the figure nears the viewport (or at once
// with `eager`), while the static HTML still holds the complete widget.
//
// How: on the server the widget renders normally (`use` waits for its module), so the exported
// HTML has the full figure, even with JavaScript off. In the browser the page's React tree keeps
// that HTML frozen (an empty `dangerouslySetInnerHTML`: React neither needs nor touches what is
// inside), so the page hydrates without any widget code. When the figure nears the viewport, its
// code loads and a separate React root HYDRATES the frozen HTML in place: the same DOM nodes come
// alive (no flash, no layout shift, focus kept). The contexts a widget reads (ArticleState, the
// Embed dialog's reporter) are passed across into that root.
// Why not <Suspense> + lazy: React streams large boundaries out of line, so the figures would
// appear only after the whole page had loaded, and never without JavaScript.
import { use, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { createRoot, hydrateRoot, type Root } from 'react-dom/client';
import { getWidget } from '@/components/widgets/registry';
import { ArticleStateBridge, useArticleStore } from '@/components/widgets/ArticleState';
import { EmbedReporterProvider, useEmbedReporter } from './EmbedStateContext';
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

/** The widget element; an embed mounted fresh (not hydrating) starts from the query string. */
function widgetElement(loaded: LoadedWidget, mode: 'widget' | 'embed', compact: boolean | undefined, search?: string): ReactNode {
  return mode === 'embed' ? <loaded.Embed search={search} /> : <loaded.Widget compact={compact} />;
}

export function LazyWidget({ id, mode = 'widget', compact, eager = false }: LazyWidgetProps) {
  const entry = getWidget(id);
  if (!entry) throw new Error(`LazyWidget: unknown widget "${id}"`);
  const article = useArticleStore();
  const reporter = useEmbedReporter();

  // True only while hydrating server HTML (React uses the server snapshot then); captured once, so
  // a client-only render (client-side navigation) knows there is no HTML to bring to life.
  const hydrating = useSyncExternalStore(noSubscribe, () => false, () => true);
  const [hasServerHtml] = useState(hydrating);
  const [loaded, setLoaded] = useState<LoadedWidget | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const root = useRef<Root | null>(null);
  // Embeds and the home miniature: start fetching the code while the page hydrates.
  if (eager && typeof window !== 'undefined') void entry.load();

  // Wake: load the code when the figure nears the viewport.
  useEffect(() => {
    let cancelled = false;
    const wake = () => {
      entry.load().then(
        (w) => !cancelled && setLoaded(() => w),
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

  // Render (first time: hydrate) the widget in its own root, with the page's contexts.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let tree: ReactNode;
    // An embed whose URL carries settings cannot hydrate the defaults' HTML: build it fresh, once,
    // from the query (rather than hydrate, then rebuild).
    const search = mode === 'embed' && !root.current ? window.location.search : '';
    if (loaded) {
      tree = (
        <ArticleStateBridge store={article}>
          <EmbedReporterProvider value={reporter}>{widgetElement(loaded, mode, compact, search || undefined)}</EmbedReporterProvider>
        </ArticleStateBridge>
      );
    } else if (hasServerHtml) {
      return; // keep the server HTML as it is until the code is here
    } else {
      tree = (
        <div data-widget={id} className="widget-loading" aria-busy="true">
          Loading the figure…
        </div>
      );
    }
    // Each figure is its own React root, and useId counts from zero in every root: without a prefix
    // per root, two figures that mount elements later (a clip path, a legend gradient) would create
    // the same ids and point at each other's defs.
    const identifierPrefix = `${id}${mode === 'embed' ? '-embed' : ''}${compact ? '-mini' : ''}-`;
    if (root.current) root.current.render(tree);
    else if (loaded && hasServerHtml && !search) root.current = hydrateRoot(el, tree, { identifierPrefix });
    else {
      root.current = createRoot(el, { identifierPrefix });
      root.current.render(tree);
    }
  }, [loaded, mode, compact, article, reporter, hasServerHtml, id]);

  // Unmount the widget's root with the figure (deferred: not while React is committing).
  useEffect(
    () => () => {
      const r = root.current;
      root.current = null;
      if (r) setTimeout(() => r.unmount(), 0);
    },
    [],
  );

  if (typeof window === 'undefined') {
    // Server: the real widget goes into the static HTML.
    return <div className="lazy-widget">{widgetElement(use(entry.load()), mode, compact)}</div>;
  }
  return <div ref={ref} className="lazy-widget" dangerouslySetInnerHTML={FROZEN} suppressHydrationWarning />;
}
