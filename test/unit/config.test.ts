import { describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config.js';

describe('configuration', () => {
  it('SPEC 9.1 defaults, environment and flags (flags win)', () => {
    expect(readConfig({}, [])).toMatchObject({ PORT: 8080, HOST: '127.0.0.1', DATA_DIR: './data', LOG_LEVEL: 'info', FSYNC: false });
    const config = readConfig({ PORT: '9000', DATA_DIR: '/env', FSYNC: '1' }, ['--port', '9100', '--data-dir=/flag']);
    expect(config).toMatchObject({ PORT: 9100, DATA_DIR: '/flag', FSYNC: true });
  });

  it('SPEC 9.1 a bad value is refused with a message naming it', () => {
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => readConfig({ ADMIN_TOKEN: 'short' })).toThrow(/ADMIN_TOKEN/);
    expect(() => readConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});
