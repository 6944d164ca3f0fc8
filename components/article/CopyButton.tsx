'use client';
// Copies text to the clipboard and says so (in a live region, for screen readers too).
// Falls back to selecting a hidden textarea when the Clipboard API is unavailable (http, iframes).
import { useState } from 'react';

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [status, setStatus] = useState('');
  return (
    <>
      <button
        type="button"
        className="tool-button"
        onClick={async () => setStatus((await copy(text)) ? 'Copied.' : 'Copy failed: select the text and copy it by hand.')}
      >
        {label}
      </button>
      <span role="status" className="copy-status">
        {status}
      </span>
    </>
  );
}
