// `tandem delete`: removes an article; whoever has it open is told it is gone.
import { clientFlags } from '../config.js';
import { CLIENT_FLAGS_HELP, callServer, documentPath } from './call-server.js';
import { defineCommand } from './command.js';

export const deleteCommand = defineCommand({
  name: 'delete',
  summary: 'delete an article',
  usage: 'delete ID',
  help: `Deletes article ID, at once and for good: its text, review and links. Pages that have it
open are told it was deleted.

${CLIENT_FLAGS_HELP}`,
  flags: clientFlags,
  args: ['ID'],
  async run(flags, [id]) {
    await callServer(flags, 'DELETE', documentPath(id));
    process.stdout.write(`deleted ${id}\n`);
  },
});
