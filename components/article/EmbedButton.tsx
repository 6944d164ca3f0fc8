'use client';
// "Embed" next to a figure: an accessible dialog (native <dialog>: focus moves in and is trapped,
// Esc closes, focus returns) with an <iframe> snippet for the figure's current settings.
import { useRef, useState } from 'react';
import { DEFAULT_WIDGET_HEIGHT } from '@/components/embed/loadedWidget';
import { getWidget } from '@/components/widgets/registry';
import { useEmbedState } from '@/components/embed/EmbedStateContext';
import { embedUrl, iframeSnippet } from '@/components/embed/embedUrl';
import { CopyButton } from './CopyButton';

export interface EmbedButtonProps {
  widgetId: string;
  title: string;
}

export function EmbedButton({ widgetId, title }: EmbedButtonProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [height, setHeight] = useState(DEFAULT_WIDGET_HEIGHT);
  const state = useEmbedState();
  const headingId = `embed-heading-${widgetId}`;
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  const src = embedUrl(origin, widgetId, state);
  const snippet = iframeSnippet(src, title, height);

  return (
    <>
      <button
        type="button"
        className="tool-button"
        aria-haspopup="dialog"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
          // The widget's suggested height comes with its code (loaded by now: its figure is in view).
          void getWidget(widgetId)
            ?.load()
            .then((w) => setHeight(w.height));
        }}
      >
        Embed
      </button>
      <dialog ref={dialog} className="embed-dialog" aria-labelledby={headingId} onClose={() => setOpen(false)}>
        <h2 id={headingId}>Embed this figure</h2>
        <p>Paste this into a web page, a course page or an LMS (it resizes itself to its content). It keeps the figure’s current settings.</p>
        {open && (
          <>
            <label htmlFor={`embed-snippet-${widgetId}`}>HTML</label>
            <textarea id={`embed-snippet-${widgetId}`} readOnly value={snippet} rows={4} onFocus={(e) => e.currentTarget.select()} data-embed-snippet="" />
            <p className="embed-link">
              Link: <a href={src}>{src}</a>
            </p>
          </>
        )}
        <div className="dialog-actions">
          {open && <CopyButton text={snippet} label="Copy snippet" />}
          <button type="button" className="tool-button" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
      </dialog>
    </>
  );
}
