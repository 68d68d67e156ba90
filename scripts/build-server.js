// `npm run build:server` after the type check: the server and everything it imports bundled and
// minified into dist/server (cli.js, what bin/tandem.js runs, and the chunks its `await import`s load
// on first use), with source maps beside them. A few hundred modules loaded one by one cost the
// process their module records, their source text and the loader's caches: bundled, a fresh server
// holds ~17 MiB less (docs/PERFORMANCE.md). better-sqlite3 (a native addon) and the PostgreSQL and
// Redis clients (loaded only when configured) stay packages in node_modules. Plain JavaScript, as
// bin/tandem.js runs it to build before the first start.
import { rmSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'server');
// Built beside it and swapped in whole, so no chunk of an earlier build is left behind.
const next = join(root, 'dist', `.server-${process.pid}`);

try {
  await build({
    absWorkingDir: root,
    entryPoints: ['server/cli.ts'],
    outdir: next,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Whitespace and syntax minified; names are left as written, so logged errors carry their type
    // (`var StoreUnavailable = class …` keeps its name). Not keepNames: it wraps every function
    // made at run time in a call that defines its name, closures on the hot path included, which
    // made the server's CPU per update in the throughput bench ~2.5 times what it is without.
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: false,
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'none',
    external: ['better-sqlite3', 'pg', 'redis'],
    // Lexical's packages export a development build (invariant checks, full messages) and a
    // production one; without a condition both were bundled and Node ran the development one.
    conditions: ['production'],
    // The CommonJS packages bundled (Fastify's, say) call require for Node's own modules.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  rmSync(out, { recursive: true, force: true });
  // What tsc emitted before the server was bundled.
  rmSync(join(root, 'dist', 'shared'), { recursive: true, force: true });
  renameSync(next, out);
} finally {
  rmSync(next, { recursive: true, force: true });
}
