// Components available in MDX without import (the contract in TEAM.md). @next/mdx requires this
// file at the project root with a `useMDXComponents` export.
import type { MDXComponents } from 'mdx/types';
import { Bibliography } from '@/components/article/Bibliography';
import { Cite } from '@/components/article/Cite';
import { Figure } from '@/components/article/Figure';
import { Footnote, FootnoteItem, FootnoteList, Footnotes } from '@/components/article/Footnote';
import { HowToCite } from '@/components/article/HowToCite';
import { Note } from '@/components/article/Note';
import { Toc } from '@/components/article/Toc';

const articleComponents: MDXComponents = {
  Bibliography,
  Cite,
  Figure,
  Footnote,
  FootnoteItem,
  FootnoteList,
  Footnotes,
  HowToCite,
  Note,
  Toc,
};

export function useMDXComponents(components: MDXComponents = {}): MDXComponents {
  return { ...articleComponents, ...components };
}
