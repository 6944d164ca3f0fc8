/**
 * Works cited in content/adjoint.mdx. Keys are what `<Cite k="…" />` takes. Cite numbers and the
 * reference list follow the order of this object, so it is kept in order of first citation.
 */
export interface BibEntry {
  authors: string;
  title: string;
  venue: string;
  year: number;
  url?: string;
  note?: string;
}

export const bibliography: Record<string, BibEntry> = {
  chen2018: {
    authors: 'Ricky T. Q. Chen, Yulia Rubanova, Jesse Bettencourt, David Duvenaud',
    title: 'Neural Ordinary Differential Equations',
    venue: 'Advances in Neural Information Processing Systems 31 (NeurIPS 2018)',
    year: 2018,
    url: 'https://arxiv.org/abs/1806.07366',
    note: 'arXiv:1806.07366. One of the NeurIPS 2018 best-paper awards.',
  },
  he2016: {
    authors: 'Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun',
    title: 'Deep Residual Learning for Image Recognition',
    venue: 'IEEE Conference on Computer Vision and Pattern Recognition (CVPR 2016)',
    year: 2016,
    url: 'https://arxiv.org/abs/1512.03385',
  },
  post2020: {
    authors: 'Author of the original blog post (not named in our copy)',
    title: 'The Adjoint Method in Neural Ordinary Differential Equations',
    venue: 'Blog post, subtitled "Reverse-Mode Sensitivity Training"',
    year: 2020,
    note: 'Published 2020-05-20. This article follows its structure and equations, rewritten and corrected.',
  },
  pontryagin1962: {
    authors: 'L. S. Pontryagin, V. G. Boltyanskii, R. V. Gamkrelidze, E. F. Mishchenko',
    title: 'The Mathematical Theory of Optimal Processes',
    venue: 'Interscience Publishers (John Wiley & Sons), New York',
    year: 1962,
    note: 'English translation by K. N. Trirogoff; the maximum principle and its adjoint (costate) equations.',
  },
  duvenaud2019talk: {
    authors: 'David Duvenaud',
    title: 'Looking back on Neural ODEs (recorded talk)',
    venue: 'Video recording, YouTube',
    year: 2019,
    url: 'https://www.youtube.com/watch?v=YZ-_E7A3V2w',
    note: 'A coauthor of Chen et al. (2018) reflecting on the paper a year later; descriptive title, see the recording for the original one.',
  },
};
