// SPEC 7.2: Markdown, the headline as a `#` heading; text that looks like Markdown escaped (SPEC 7.5).
import { $convertToMarkdownString } from '@lexical/markdown';
import { ARTICLE_TRANSFORMERS } from '../markdown.js';
import { markdownText, unusedCharacter } from './md-text.js';
import { $exportedSegments, type ExportReview } from './review.js';

function asHeadline(markdown: string): string {
  if (markdown.startsWith('# ')) return markdown;
  const text = markdown.replace(/^#{2,6} /, '');
  return `# ${text.replace(/\s*\n\s*/g, ' ')}`;
}

export function $exportMarkdown(review?: ExportReview): string {
  const segments = $exportedSegments(review);
  const backslash = unusedCharacter(segments.map((segment) => segment.getTextContent()).join(''));
  const transformers = [markdownText(backslash), ...ARTICLE_TRANSFORMERS];
  return segments
    .map((segment, i) => {
      const markdown = $convertToMarkdownString(transformers, segment).replaceAll(backslash, '\\');
      return i === 0 && markdown !== '' ? asHeadline(markdown) : markdown;
    })
    .filter((markdown) => markdown !== '')
    .join('\n\n');
}
