'use client';
// Tells the page that frames us how tall we are, on load and on every size change, in the two
// formats hosts listen for: a generic {type:'resize'} and Canvas LMS's {subject:'lti.frameResize'}.
import { useEffect } from 'react';

export function FrameResizer({ targetId }: { targetId: string }) {
  useEffect(() => {
    const el = document.getElementById(targetId);
    if (!el) return;
    let last = -1;
    const post = () => {
      // The content's own height, not the document's: the document is at least as tall as the
      // frame, so measuring it would never let a frame shrink.
      const rect = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      const height = Math.ceil(rect.height + parseFloat(style.marginTop) + parseFloat(style.marginBottom));
      if (height === last) return;
      last = height;
      if (window.parent === window) return;
      window.parent.postMessage({ type: 'resize', height }, '*');
      window.parent.postMessage({ subject: 'lti.frameResize', height }, '*');
    };
    post();
    window.addEventListener('load', post);
    const observer = new ResizeObserver(post);
    observer.observe(el);
    return () => {
      observer.disconnect();
      window.removeEventListener('load', post);
    };
  }, [targetId]);
  return null;
}
