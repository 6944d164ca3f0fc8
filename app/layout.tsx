// Root layout: only <html> and <body>. Site chrome lives in app/(site)/layout.tsx so that the
// /embed/ pages render without it.
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { BASE_PATH } from '@/components/embed/embedUrl';
import './globals.css';
// After the site's styles: widget stylesheets, present from the first paint (widget code is lazy).
import '@/components/embed/widgetStyles';

export const metadata: Metadata = {
  title: { default: 'The adjoint method in neural ODEs', template: '%s — The adjoint method in neural ODEs' },
  description: 'An explorable explanation of the adjoint sensitivity method in neural ordinary differential equations, with live, verified figures.',
  // Next does not prefix metadata URLs with basePath; do it here so the icons work under a sub-path
  // (and Chromium, seeing a <link rel=icon>, does not ask the host's root for /favicon.ico).
  icons: {
    icon: [
      { url: `${BASE_PATH}/favicon.ico`, sizes: '16x16' },
      { url: `${BASE_PATH}/icon.svg`, type: 'image/svg+xml' },
    ],
  },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#16181d' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
