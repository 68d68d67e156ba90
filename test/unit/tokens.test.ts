import { describe, expect, it } from 'vitest';
import { createTokenIssuer, newSecret } from '../../server/auth/tokens.js';

describe('token verification', () => {
  it('SPEC 1.4 joins arriving at once with one token share one verification; a wrongly signed token is still refused', async () => {
    const issuer = createTokenIssuer(newSecret(), 'admin-token-for-tests-0123456789');
    const token = await issuer.sign({ doc: 'd1', role: 'editor', gen: 1 });
    const storm = await Promise.all(Array.from({ length: 100 }, () => issuer.verify(token)));
    expect(storm[0]).toMatchObject({ doc: 'd1', role: 'editor', gen: 1 });
    // One verification's claims for every join (separate verifications would give separate objects).
    expect(new Set(storm).size).toBe(1);
    expect(await issuer.verify(token)).toBe(storm[0]);

    const forged = `${token.slice(0, -4)}AAAA`;
    expect(await Promise.all([issuer.verify(forged), issuer.verify(forged)])).toEqual([null, null]);
    const other = createTokenIssuer(newSecret(), 'admin-token-for-tests-0123456789');
    expect(await other.verify(token)).toBeNull();
  });
});
