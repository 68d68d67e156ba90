// `tandem token`: a new link to an article, for one role.
import { clientFlags } from '../config.js';
import { CLIENT_FLAGS_HELP, callServer, documentPath } from './call-server.js';
import { defineCommand } from './command.js';
import { UsageError } from './errors.js';

export const tokenCommand = defineCommand({
  name: 'token',
  summary: 'hand out a link to an article for a role; prints the token and the link',
  usage: 'token ID --role viewer|reviewer|editor [--name NAME] [--expires-in 7d]',
  help: `Makes a token for article ID and prints it, then the link that carries it.

  --role R             viewer, reviewer or editor (required)
  --name NAME          the name its holder appears under
  --expires-in D       how long it works (30m, 12h, 7d, 2w; default: until revoked)

${CLIENT_FLAGS_HELP}`,
  flags: { ...clientFlags, role: { type: 'string' }, name: { type: 'string' }, 'expires-in': { type: 'string' } },
  args: ['ID'],
  async run(flags, [id]) {
    if (!flags.role) throw new UsageError('token needs --role (viewer, reviewer or editor)');
    const body = { role: flags.role, name: flags.name, expiresIn: flags['expires-in'] };
    const minted = (await (await callServer(flags, 'POST', documentPath(id, '/tokens'), body)).json()) as { token: string; link: string };
    process.stdout.write(`${minted.token}\n${minted.link}\n`);
  },
});
