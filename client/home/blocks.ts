// How many paragraphs (blocks separated by blank lines) a plain text has, as the server counts them.
export function blockCount(text: string): number {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n/g, '\n')
    .split(/\n[ \t]*\n/)
    .filter((block) => block.trim() !== '').length;
}
