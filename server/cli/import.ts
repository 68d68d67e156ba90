// `tandem import`: a new article from a draft translation (and its source), printed as its id and links.
import { clientFlags } from '../config.js';
import { CLIENT_FLAGS_HELP, callServer } from './call-server.js';
import { defineCommand } from './command.js';
import { UsageError } from './errors.js';
import { readInput } from './files.js';

/** The import format a file's name suggests. */
function formatOf(file: string): 'markdown' | 'xliff' | 'docx' | 'text' {
  if (/\.(md|markdown)$/i.test(file)) return 'markdown';
  if (/\.(xlf|xliff)$/i.test(file)) return 'xliff';
  if (/\.docx$/i.test(file)) return 'docx';
  return 'text';
}

export const importCommand = defineCommand({
  name: 'import',
  summary: 'create an article from a draft translation; prints its id and links',
  usage: 'import FILE [--source FILE] --source-lang en --target-lang bn [--title T] [--format text|markdown|xliff|docx] [--align]',
  help: `Creates an article from FILE, the draft translation: text or Markdown (one segment per block,
aligned with the source's blocks), XLIFF 2.0 or 1.2 (sources, languages and notes included), or a
Word document. Prints the article's id, then its editor, reviewer and viewer links.

  --source FILE        the source text, for a text or Markdown draft
  --source-lang L      the source's language (an XLIFF file names its own)
  --target-lang L      the translation's language (likewise)
  --title T            the title (default: the file's own, else the first segment)
  --format F           text, markdown, xliff or docx (default: from FILE's extension)
  --align              pair the blocks by their text, as the server proposes, not by position:
                       for a draft whose paragraph count differs from the source's (SPEC 6.5)

${CLIENT_FLAGS_HELP}`,
  flags: { ...clientFlags, source: { type: 'string' }, 'source-lang': { type: 'string' }, 'target-lang': { type: 'string' }, title: { type: 'string' }, format: { type: 'string' }, align: { type: 'boolean' } },
  args: ['FILE'],
  async run(flags, [file]) {
    const format = flags.format ?? formatOf(file);
    if (format !== 'xliff' && (!flags['source-lang'] || !flags['target-lang'])) {
      throw new UsageError('import needs --source-lang and --target-lang (an XLIFF file names its own)');
    }
    const content = readInput(file);
    // XLIFF and Word files travel whole in `content` (Word as base64); text and Markdown as `target`.
    const body = {
      format,
      sourceLang: flags['source-lang'],
      targetLang: flags['target-lang'],
      title: flags.title,
      ...(format === 'xliff' ? { content: content.toString('utf8') } : {}),
      ...(format === 'docx' ? { content: content.toString('base64') } : {}),
      ...(format === 'xliff' || format === 'docx' ? {} : { target: content.toString('utf8') }),
      source: flags.source ? readInput(flags.source).toString('utf8') : undefined,
      ...(flags.align ? { align: 'auto' } : {}),
    };
    const created = (await (await callServer(flags, 'POST', '/api/documents', body)).json()) as { id: string; links: Record<string, string> };
    process.stdout.write(`${created.id}\n` + Object.entries(created.links).map(([role, link]) => `${role}: ${link}\n`).join(''));
  },
});
