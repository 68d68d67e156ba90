// `tandem list`: the articles on the server, one a line.
import { clientFlags } from '../config.js';
import { CLIENT_FLAGS_HELP, callServer } from './call-server.js';
import { defineCommand } from './command.js';

interface Listed {
  id: string;
  title: string;
  sourceLang: string;
  targetLang: string;
  updatedAt: number;
}

/** Milliseconds since the epoch as `2025-06-01 09:30` (UTC). */
const minute = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

/** Columns padded to their widest cell, the last one (the title) as it is. */
function table(rows: string[][]): string {
  const widths = rows[0].slice(0, -1).map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ') + '\n').join('');
}

export const listCommand = defineCommand({
  name: 'list',
  summary: 'list the articles: id, languages, last change, title',
  usage: 'list',
  help: `Prints a header line, then one line per article, oldest first: its id, its languages
(source → translation), when it last changed (UTC) and its title.

${CLIENT_FLAGS_HELP}`,
  flags: clientFlags,
  args: [],
  async run(flags) {
    const { documents } = (await (await callServer(flags, 'GET', '/api/documents')).json()) as { documents: Listed[] };
    const rows = documents.map((doc) => [doc.id, `${doc.sourceLang} → ${doc.targetLang}`, minute(doc.updatedAt), doc.title]);
    process.stdout.write(table([['id', 'languages', 'updated (UTC)', 'title'], ...rows]));
  },
});
