// The connection pool: BIGINT columns (ms timestamps, seqs) read as numbers, BYTEA as Buffers.
import pg from 'pg';

const INT8_OID = 20;

const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** A connection that does not open within this long fails (a host that drops packets). */
const CONNECT_TIMEOUT_MS = 5000;

export interface PoolOptions {
  url: string;
  max?: number;
  /** Told about errors of idle connections (the server restarted); the pool drops them itself. */
  onIdleError?: (error: Error) => void;
  /** A query unanswered this long fails (a database gone silent), so writes are refused, not stuck. */
  queryTimeoutMs?: number;
}

export function openPool({ url, max = 10, onIdleError, queryTimeoutMs }: PoolOptions): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, types, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, query_timeout: queryTimeoutMs || undefined });
  // Without a listener an idle connection's error would end the process.
  pool.on('error', (error) => onIdleError?.(error));
  return pool;
}

/** The URL as it may be shown: without its password. */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the DATABASE_URL';
  }
}

export function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Plain Uint8Array view, so callers compare equal with other Uint8Arrays. */
export function toBytes(buf: Buffer): Uint8Array {
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (error) {
    // A connection that cannot even roll back is broken: the pool drops it rather than reuse it.
    const broken = await client.query('ROLLBACK').then(() => false, () => true);
    client.release(broken ? (error as Error) : undefined);
    throw error;
  }
}
