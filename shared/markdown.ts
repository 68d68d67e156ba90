// The Markdown an article speaks: headings, quotes, lists, emphasis, inline code, links.
import {
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  ELEMENT_TRANSFORMERS,
  INLINE_CODE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  LINK,
  STRIKETHROUGH,
  type TextMatchTransformer,
  type Transformer,
} from '@lexical/markdown';

/** Lexical's link, but not after a backslash: `\[` is a bracket (the Markdown export writes it, SPEC 7.5). */
const UNESCAPED_LINK: TextMatchTransformer = { ...LINK, importRegExp: new RegExp(`(?<!\\\\)${LINK.importRegExp!.source}`) };

/** Lexical's TRANSFORMERS without fenced code and highlight: an article has no code nodes. */
export const ARTICLE_TRANSFORMERS: Transformer[] = [
  ...ELEMENT_TRANSFORMERS,
  INLINE_CODE,
  BOLD_ITALIC_STAR,
  BOLD_ITALIC_UNDERSCORE,
  BOLD_STAR,
  BOLD_UNDERSCORE,
  ITALIC_STAR,
  ITALIC_UNDERSCORE,
  STRIKETHROUGH,
  UNESCAPED_LINK,
];
