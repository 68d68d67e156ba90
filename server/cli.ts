// The `tandem` command. `serve` runs the server; the other commands talk to a running server over
// its HTTP API (at --server, default http://HOST:PORT) with the admin token (ADMIN_TOKEN, or the
// one kept in DATA_DIR), so they never open the data directory behind the server's back.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readConfig } from './config.js';
import { main as serve } from './main.js';
import { loadAdminToken } from './auth/admin-token.js';
import { checkStore, NoStore } from './storage/check.js';

const USAGE = `Usage:
  tandem serve [--port N] [--host H] [--data-dir DIR]
  tandem import FILE [--source FILE] --source-lang en --target-lang bn [--title T] [--format text|markdown|xliff|docx]
  tandem export ID [--format txt|md|html|docx|xliff|json] [-o FILE]
  tandem token ID --role viewer|reviewer|editor [--name NAME] [--expires-in 7d]
  tandem check [--data-dir DIR]

import, export and token talk to a running server: --server URL (default http://HOST:PORT).
check reads the store in DATA_DIR (safe while a server runs): exit 0 consistent, 1 problems found.`;

const common = {
  server: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  'data-dir': { type: 'string' },
  'admin-token': { type: 'string' },
} as const;

class CliError extends Error {}

/** A file the command was given; one it cannot read is named in the error, without a stack. */
function readInput(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}

function writeOutput(path: string, data: Buffer): void {
  try {
    writeFileSync(path, data);
  } catch (error) {
    throw new CliError(`cannot write ${path}: ${(error as Error).message}`);
  }
}

async function api(values: Record<string, unknown>, method: string, path: string, body?: unknown) {
  const flags = Object.entries(values).flatMap(([k, v]) => (k in common && typeof v === 'string' ? [`--${k}`, v] : []));
  const config = readConfig(process.env, flags);
  const base = (values.server as string | undefined) ?? `http://${config.HOST}:${config.PORT}`;
  const token = loadAdminToken(config.DATA_DIR, config.ADMIN_TOKEN);
  let response: Response;
  try {
    response = await fetch(new URL(path, base), {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new CliError(`no Tandem server answers at ${base} (start one with: tandem serve)`);
  }
  if (!response.ok) {
    const error = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new CliError(`${response.status}: ${error?.error?.message ?? response.statusText}`);
  }
  return response;
}

/** The import format a file's name suggests. */
function formatOf(file: string): 'markdown' | 'xliff' | 'docx' | 'text' {
  if (/\.(md|markdown)$/i.test(file)) return 'markdown';
  if (/\.(xlf|xliff)$/i.test(file)) return 'xliff';
  if (/\.docx$/i.test(file)) return 'docx';
  return 'text';
}

async function run(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === 'serve') return serve(rest);
  if (command === 'import') {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { ...common, source: { type: 'string' }, 'source-lang': { type: 'string' }, 'target-lang': { type: 'string' }, title: { type: 'string' }, format: { type: 'string' } },
    });
    const file = positionals[0];
    if (!file) throw new CliError(USAGE);
    const format = values.format ?? formatOf(file);
    if (format !== 'xliff' && (!values['source-lang'] || !values['target-lang'])) {
      throw new CliError(`import needs --source-lang and --target-lang (an XLIFF file names its own)\n\n${USAGE}`);
    }
    const content = readInput(file);
    // XLIFF and Word files travel whole in `content` (Word as base64); text and Markdown as `target`.
    const body = {
      format,
      sourceLang: values['source-lang'],
      targetLang: values['target-lang'],
      title: values.title,
      ...(format === 'xliff' ? { content: content.toString('utf8') } : {}),
      ...(format === 'docx' ? { content: content.toString('base64') } : {}),
      ...(format === 'xliff' || format === 'docx' ? {} : { target: content.toString('utf8') }),
      source: values.source ? readInput(values.source).toString('utf8') : undefined,
    };
    const created = (await (await api(values, 'POST', '/api/documents', body)).json()) as { id: string; links: Record<string, string> };
    process.stdout.write(`${created.id}\n` + Object.entries(created.links).map(([role, link]) => `${role}: ${link}\n`).join(''));
    return;
  }
  if (command === 'export') {
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { ...common, format: { type: 'string' }, output: { type: 'string', short: 'o' } } });
    if (!positionals[0]) throw new CliError(USAGE);
    const query = new URLSearchParams({ format: values.format ?? 'txt' });
    const file = Buffer.from(await (await api(values, 'GET', `/api/documents/${encodeURIComponent(positionals[0])}/export?${query}`)).arrayBuffer());
    if (values.output) writeOutput(values.output, file);
    else process.stdout.write(file);
    return;
  }
  if (command === 'token') {
    const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { ...common, role: { type: 'string' }, name: { type: 'string' }, 'expires-in': { type: 'string' } } });
    if (!positionals[0] || !values.role) throw new CliError(USAGE);
    const body = { role: values.role, name: values.name, expiresIn: values['expires-in'] };
    const minted = (await (await api(values, 'POST', `/api/documents/${encodeURIComponent(positionals[0])}/tokens`, body)).json()) as { token: string; link: string };
    process.stdout.write(`${minted.token}\n${minted.link}\n`);
    return;
  }
  if (command === 'check') return check(rest);
  throw new CliError(USAGE);
}

/** `tandem check`: one line per problem, then a summary; exit 1 when problems were found. */
function check(args: string[]): void {
  let dir: string;
  try {
    const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' } } });
    dir = readConfig(process.env, values['data-dir'] === undefined ? [] : ['--data-dir', values['data-dir']]).DATA_DIR;
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${USAGE}`);
  }
  let report;
  try {
    report = checkStore(dir);
  } catch (error) {
    if (error instanceof NoStore) throw new CliError(error.message);
    throw error;
  }
  for (const { doc, what } of report.problems) process.stdout.write(`${doc ?? 'store'}: ${what}\n`);
  const found = report.problems.length;
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const checked = `${count(report.documents, 'document')} (${count(report.rooms, 'room')}, ${count(report.updates, 'stored update')})`;
  process.stdout.write(`checked ${checked} in ${Math.round(report.ms)} ms: ${found === 0 ? 'consistent' : count(found, 'problem')}\n`);
  if (found > 0) process.exitCode = 1;
}

run(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`${error instanceof CliError || error instanceof TypeError ? error.message : String(error?.stack ?? error)}\n`);
  process.exit(error instanceof CliError ? 2 : 1);
});
