// SPEC 6.1: plain-text import.
import { $createLineBreakNode, $createParagraphNode, $createTextNode, type ParagraphNode } from 'lexical';

/** CRLF → LF, then blocks separated by one or more blank (empty or whitespace-only) lines. */
export function splitTextBlocks(input: string): string[] {
  const lines = input.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n').split('\n');
  const blocks: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() !== '') {
      current.push(line);
    } else if (current.length > 0) {
      blocks.push(current.join('\n'));
      current = [];
    }
  }
  if (current.length > 0) blocks.push(current.join('\n'));
  return blocks;
}

/** One paragraph; each "\n" becomes a line break. */
export function $createTextBlock(text: string): ParagraphNode {
  const paragraph = $createParagraphNode();
  text.split('\n').forEach((line, i) => {
    if (i > 0) paragraph.append($createLineBreakNode());
    if (line !== '') paragraph.append($createTextNode(line));
  });
  return paragraph;
}
