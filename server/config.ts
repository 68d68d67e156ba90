// The one place that reads configuration: environment variables, overridden by the matching flags
// of the `tandem` command (`--port 9000` or `--port=9000` for PORT, `--data-dir` for DATA_DIR, and
// so on), which the command parses with node:util's parseArgs against the tables below.
import { z } from 'zod';
import proxyAddress from '@fastify/proxy-addr';

const flagNames = {
  port: 'PORT',
  host: 'HOST',
  'data-dir': 'DATA_DIR',
  'admin-token': 'ADMIN_TOKEN',
  'token-secret': 'TOKEN_SECRET',
  'log-level': 'LOG_LEVEL',
  'public-url': 'PUBLIC_URL',
  fsync: 'FSYNC',
  server: 'TANDEM_SERVER',
} as const;

const valueFlag = { type: 'string' } as const;

/** The flags of `tandem serve`, as parseArgs options; `--fsync` takes no value. */
export const serveFlags = {
  port: valueFlag,
  host: valueFlag,
  'data-dir': valueFlag,
  'admin-token': valueFlag,
  'token-secret': valueFlag,
  'log-level': valueFlag,
  'public-url': valueFlag,
  fsync: { type: 'boolean' },
} as const;

/** The flags of the commands that call a running server: where it is, and where its admin token is. */
export const clientFlags = {
  server: valueFlag,
  port: valueFlag,
  host: valueFlag,
  'data-dir': valueFlag,
  'admin-token': valueFlag,
} as const;

/** Flags as parseArgs gives them; those named above override their variable, the rest are not configuration. */
export type ConfigFlags = Readonly<Record<string, string | boolean | undefined>>;

/** A configuration value that is not valid; its message names the variable. */
export class ConfigError extends Error {}

const int = (fallback: number) => z.coerce.number().int().nonnegative().default(fallback);

/** Whether proxy-addr reads a list of addresses and ranges. */
function compiles(list: string[]): boolean {
  try {
    proxyAddress.compile(list);
    return true;
  } catch {
    return false;
  }
}

/** A comma-separated list of origins (`https://desk.example.org`), or `*` for any. */
const origins = z
  .string()
  .default('')
  .transform((value, ctx) => {
    const list = value.split(',').map((item) => item.trim()).filter(Boolean);
    for (const item of list) {
      if (item !== '*' && !isOrigin(item)) ctx.addIssue({ code: 'custom', message: `"${item}" is not an origin such as https://desk.example.org` });
    }
    return list.map((item) => item.replace(/\/+$/, ''));
  });

function isOrigin(value: string): boolean {
  try {
    return new URL(value).origin === value.replace(/\/+$/, '');
  } catch {
    return false;
  }
}

const schema = z.object({
  PORT: int(8080),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  /** postgres://… selects the PostgreSQL store (SPEC 17.1); without it the store is SQLite in DATA_DIR. */
  DATABASE_URL: z
    .string()
    .refine((value) => /^postgres(ql)?:\/\/./.test(value), 'DATABASE_URL must be a postgres:// or postgresql:// URL')
    .optional(),
  /** redis://… (or rediss://) turns on fan-out between instances sharing DATABASE_URL (SPEC 17.8). */
  REDIS_URL: z
    .string()
    .refine((value) => /^rediss?:\/\/./.test(value), 'REDIS_URL must be a redis:// or rediss:// URL')
    .optional(),
  /** Put before every Redis channel name, so deployments sharing one Redis never mix. */
  REDIS_PREFIX: z.string().default('tandem:'),
  /**
   * A Redis command unanswered this long (ms), a subscription included, counts as Redis gone silent:
   * the connection is dropped and made again, and a room loads without waiting for it (SPEC 17.21).
   */
  REDIS_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  ADMIN_TOKEN: z.string().min(16, 'ADMIN_TOKEN must be at least 16 characters').optional(),
  TOKEN_SECRET: z.string().min(16, 'TOKEN_SECRET must be at least 16 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Base of the links handed out (e.g. https://desk.example.org); default http://HOST:PORT. */
  PUBLIC_URL: z.string().url().optional(),
  /** Fsync every commit group, so acknowledged updates survive power loss too. */
  FSYNC: z.enum(['0', '1', 'true', 'false']).default('0').transform((v) => v === '1' || v === 'true'),
  MAX_MESSAGE_BYTES: int(8 * 1024 * 1024),
  MAX_DOCUMENT_BYTES: int(64 * 1024 * 1024),
  MAX_AWARENESS_BYTES: int(16 * 1024),
  /** Largest HTTP request body (an import travels in one), answered 413 beyond. */
  MAX_BODY_BYTES: int(32 * 1024 * 1024),
  /** A socket whose unsent data passes this is too slow to keep up and is closed with 1013. */
  MAX_BUFFERED_BYTES: int(64 * 1024 * 1024),
  /** Browser origins, besides the server's own, whose pages may open a collab socket. */
  ALLOWED_ORIGINS: origins,
  /**
   * Sustained messages per second per connection, and how many it may send at once (a bulk-editing
   * client sending a whole article's edits): a flood past both is closed with 1013 (SPEC 3.4).
   */
  MESSAGE_RATE: int(5000),
  MESSAGE_BURST: int(100_000),
  /** The same for all the connections opened with one token (a shared link) together. */
  TOKEN_MESSAGE_RATE: int(20_000),
  TOKEN_MESSAGE_BURST: int(200_000),
  AWARENESS_RATE: int(100),
  /** New connections per second per client address (twice as many in a burst). */
  CONNECTION_RATE: int(500),
  /**
   * Addresses or ranges of the proxies in front of Tandem (none by default): from them the client's
   * address is read in X-Forwarded-For, and the scheme and host of links in X-Forwarded-Proto/Host.
   */
  TRUST_PROXY: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((entry) => entry.trim()).filter(Boolean))
    .refine(compiles, 'TRUST_PROXY must list IP addresses or ranges (or loopback, linklocal, uniquelocal), separated by commas'),
  /** A PostgreSQL query unanswered this long (ms) fails: the store then counts as unreachable (SPEC 17.17). */
  STORE_TIMEOUT_MS: int(30_000),
  /** Compact a room's log into a snapshot once it holds this many updates. */
  COMPACT_EVERY: int(500),
  /** Milliseconds a room stays loaded after its last connection left. */
  ROOM_IDLE_MS: int(5000),
  /** Rooms without connections kept loaded at most; past it the longest idle unloads at once. */
  ROOM_IDLE_MAX: int(100),
  /** Milliseconds between pings to every socket; one that has not answered by the next is ended. 0: off. */
  PING_INTERVAL_MS: int(10000),
  /** Automatic versions (SPEC 16.7): once an article's editing has been idle this long (ms)… */
  VERSION_IDLE_MS: int(30_000),
  /** …and at most this often (ms) while its editing goes on. */
  VERSION_EVERY_MS: int(10 * 60_000),
  /** Retention (SPEC 16.8): every automatic version younger than this (ms) is kept… */
  VERSION_KEEP_ALL_MS: int(24 * 3_600_000),
  /** …then the newest of each hour up to this age (ms), then the newest of each day. */
  VERSION_KEEP_HOURLY_MS: int(7 * 24 * 3_600_000),
  /** Where the `tandem` commands that call a server find it (`--server`); default http://HOST:PORT. */
  TANDEM_SERVER: z.string().url().optional(),
});

export type Config = z.output<typeof schema>;

/** Reads the config from an environment and parsed flags; throws a ConfigError naming what is wrong. */
export function readConfig(env: NodeJS.ProcessEnv = process.env, flags: ConfigFlags = {}): Config {
  const values: Record<string, string | undefined> = { ...env };
  for (const [flag, value] of Object.entries(flags)) {
    const name = flagNames[flag as keyof typeof flagNames];
    if (name && value !== undefined) values[name] = String(value);
  }
  for (const key of Object.keys(values)) if (values[key] === '') values[key] = undefined;
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  // Instances share what they fan out only through one database (SPEC 17.8).
  if (parsed.data.REDIS_URL && !parsed.data.DATABASE_URL) {
    throw new ConfigError('invalid configuration: REDIS_URL: fan-out between instances needs DATABASE_URL (a shared PostgreSQL store)');
  }
  return parsed.data;
}
