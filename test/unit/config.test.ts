import { describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config.js';

describe('configuration', () => {
  it('SPEC 9.1 defaults, environment and flags (flags win)', () => {
    expect(readConfig({}, {})).toMatchObject({ PORT: 8080, HOST: '127.0.0.1', DATA_DIR: './data', LOG_LEVEL: 'info', FSYNC: false });
    const config = readConfig({ PORT: '9000', DATA_DIR: '/env', FSYNC: '1' }, { port: '9100', 'data-dir': '/flag', format: 'md' });
    expect(config).toMatchObject({ PORT: 9100, DATA_DIR: '/flag', FSYNC: true });
    expect(readConfig({}, { fsync: true }).FSYNC).toBe(true);
    expect(readConfig({ TANDEM_SERVER: 'http://desk.example:8080' }).TANDEM_SERVER).toBe('http://desk.example:8080');
    expect(readConfig({ TANDEM_SERVER: 'http://desk.example:8080' }, { server: 'http://other.example' }).TANDEM_SERVER).toBe('http://other.example');
  });

  it('SPEC 9.1 a bad value is refused with a message naming it', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readConfig({ ADMIN_TOKEN: 'short' })).toThrow(/ADMIN_TOKEN/);
    expect(() => readConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('SPEC 17.1 DATABASE_URL is a postgres:// URL or unset (the embedded store)', () => {
    expect(readConfig({}).DATABASE_URL).toBeUndefined();
    expect(readConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
    expect(readConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/tandem' }).DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/tandem');
    expect(readConfig({ DATABASE_URL: 'postgresql://db.example/tandem' }).DATABASE_URL).toBe('postgresql://db.example/tandem');
    expect(() => readConfig({ DATABASE_URL: 'mysql://db.example/tandem' })).toThrow(/DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/);
  });

  it('SPEC 3.7 ALLOWED_ORIGINS is a comma-separated list of origins, or *', () => {
    expect(readConfig({}).ALLOWED_ORIGINS).toEqual([]);
    expect(readConfig({ ALLOWED_ORIGINS: 'https://a.example, http://b.example:8080/' }).ALLOWED_ORIGINS).toEqual(['https://a.example', 'http://b.example:8080']);
    expect(readConfig({ ALLOWED_ORIGINS: '*' }).ALLOWED_ORIGINS).toEqual(['*']);
    expect(() => readConfig({ ALLOWED_ORIGINS: 'https://a.example/desk' })).toThrow(/ALLOWED_ORIGINS.*not an origin/);
    expect(() => readConfig({ ALLOWED_ORIGINS: 'a.example' })).toThrow(/ALLOWED_ORIGINS/);
  });

  it('SPEC 8.8 SPEC 3.8 MAX_BODY_BYTES and MAX_BUFFERED_BYTES', () => {
    expect(readConfig({})).toMatchObject({ MAX_BODY_BYTES: 32 * 1024 * 1024, MAX_BUFFERED_BYTES: 64 * 1024 * 1024 });
    expect(readConfig({ MAX_BODY_BYTES: '1024', MAX_BUFFERED_BYTES: '2048' })).toMatchObject({ MAX_BODY_BYTES: 1024, MAX_BUFFERED_BYTES: 2048 });
  });

  it('SPEC 8.11 TRUST_PROXY lists the proxies trusted: addresses, ranges or proxy-addr names, none by default', () => {
    expect(readConfig({}).TRUST_PROXY).toEqual([]);
    expect(readConfig({ TRUST_PROXY: '10.0.0.0/8, loopback,192.168.1.7' }).TRUST_PROXY).toEqual(['10.0.0.0/8', 'loopback', '192.168.1.7']);
    expect(() => readConfig({ TRUST_PROXY: 'proxy.example' })).toThrow(/TRUST_PROXY must list IP addresses or ranges/);
  });
});
