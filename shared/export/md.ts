// SPEC 7.2: Markdown, the headline as a `#` heading.
import { $convertToMarkdownString } from '@lexical/markdown';
import { $getSegments } from '../article.js';
import { ARTICLE_TRANSFORMERS } from '../markdown.js';

function asHeadline(markdown: string): string {
  if (markdown.startsWith('# ')) return markdown;
  const text = markdown.replace(/^#{2,6} /, '');
  return `# ${text.replace(/\s*\n\s*/g, ' ')}`;
}

export function $exportMarkdown(): string {
  return $getSegments()
    .map((segment, i) => {
      const markdown = $convertToMarkdownString(ARTICLE_TRANSFORMERS, segment);
      return i === 0 && markdown !== '' ? asHeadline(markdown) : markdown;
    })
    .filter((markdown) => markdown !== '')
    .join('\n\n');
}
