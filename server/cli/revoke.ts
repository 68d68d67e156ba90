// `tandem revoke`: every link to an article stops working; links handed out later work.
import { clientFlags } from '../config.js';
import { CLIENT_FLAGS_HELP, callServer, documentPath } from './call-server.js';
import { defineCommand } from './command.js';

export const revokeCommand = defineCommand({
  name: 'revoke',
  summary: 'revoke every link to an article',
  usage: 'revoke ID',
  help: `Every token of article ID handed out so far stops working, and the pages open with one are
closed. Hand out new links with tandem token.

${CLIENT_FLAGS_HELP}`,
  flags: clientFlags,
  args: ['ID'],
  async run(flags, [id]) {
    await callServer(flags, 'POST', documentPath(id, '/tokens/revoke'));
    process.stdout.write(`revoked every link to ${id}\n`);
  },
});
