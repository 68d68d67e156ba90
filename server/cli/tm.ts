// `tandem tm import` and `tandem tm export`: the translation memory as TMX 1.4b, XLIFF files imported
// too (SPEC 18.9, 18.7, 18.33, 9.3).
import { clientFlags } from '../config.js';
import { CLIENT_FLAGS_HELP, callServer } from './call-server.js';
import { defineCommand } from './command.js';
import { UsageError } from './errors.js';
import { readInput, writeOutput } from './files.js';

export const tmImportCommand = defineCommand({
  name: 'tm import',
  summary: 'add the units of a TMX or XLIFF file to the translation memory',
  usage: 'tm import FILE',
  help: `Adds the translation units of FILE, a TMX file (1.4b, as CAT tools export it) or an XLIFF
file (.xlf, .xliff: 2.0 or 1.2), to the translation memory, and prints how many were added,
updated and skipped (a unit without a translation; in XLIFF also one not yet translated,
reviewed or final). A file that is neither is refused whole: nothing of it is imported.

${CLIENT_FLAGS_HELP}`,
  flags: { ...clientFlags },
  args: ['FILE'],
  async run(flags, [file]) {
    const tmx = readInput(file);
    const response = await callServer(flags, 'POST', '/api/tm/import', tmx, 'application/xml');
    const { added, updated, skipped } = (await response.json()) as { added: number; updated: number; skipped: number };
    process.stdout.write(`${added} added, ${updated} updated, ${skipped} skipped\n`);
  },
});

export const tmExportCommand = defineCommand({
  name: 'tm export',
  summary: 'write the translation memory of a language pair as TMX',
  usage: 'tm export --source-lang en --target-lang bn [-o FILE]',
  help: `Writes every unit of the translation memory from one language to another as TMX 1.4b, to FILE
or to standard output.

  --source-lang L      the source language (en-US and en are one)
  --target-lang L      the target language
  -o, --output FILE    write to FILE

${CLIENT_FLAGS_HELP}`,
  flags: { ...clientFlags, 'source-lang': { type: 'string' }, 'target-lang': { type: 'string' }, output: { type: 'string', short: 'o' } },
  args: [],
  async run(flags) {
    const sourceLang = flags['source-lang'];
    const targetLang = flags['target-lang'];
    if (!sourceLang || !targetLang) throw new UsageError('tm export needs --source-lang and --target-lang');
    const query = new URLSearchParams({ format: 'tmx', sourceLang, targetLang });
    const file = Buffer.from(await (await callServer(flags, 'GET', `/api/tm/export?${query}`)).arrayBuffer());
    if (flags.output) writeOutput(flags.output, file);
    else process.stdout.write(file);
  },
});
