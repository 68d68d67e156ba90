// `tandem export`: an article's translation as a file.
import { clientFlags } from '../config.js';
import { CLIENT_FLAGS_HELP, callServer, documentPath } from './call-server.js';
import { defineCommand } from './command.js';
import { writeOutput } from './files.js';

export const exportCommand = defineCommand({
  name: 'export',
  summary: "write an article's translation as txt, md, html, docx, xliff or json",
  usage: 'export ID [--format txt|md|html|docx|xliff|json] [-o FILE]',
  help: `Writes the translation of article ID to FILE, or to standard output.

  --format F           txt (default), md, html, docx, xliff (2.0, with sources, states and open
                       comments as notes) or json
  -o, --output FILE    write to FILE

${CLIENT_FLAGS_HELP}`,
  flags: { ...clientFlags, format: { type: 'string' }, output: { type: 'string', short: 'o' } },
  args: ['ID'],
  async run(flags, [id]) {
    const query = new URLSearchParams({ format: flags.format ?? 'txt' });
    const file = Buffer.from(await (await callServer(flags, 'GET', documentPath(id, `/export?${query}`))).arrayBuffer());
    if (flags.output) writeOutput(flags.output, file);
    else process.stdout.write(file);
  },
});
