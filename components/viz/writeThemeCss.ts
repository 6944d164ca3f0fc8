// Rewrites the generated token block of viz.css from theme.ts (run: npx tsx components/viz/writeThemeCss.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { themeCss } from './theme';

const file = path.join(path.dirname(new URL(import.meta.url).pathname), 'viz.css');
const css = readFileSync(file, 'utf8');
const next = css.replace(/\/\* BEGIN generated[\s\S]*?\/\* END generated \*\//, themeCss());
writeFileSync(file, next);
