import { describe, expect, it } from 'vitest';
import { COMMON_LANGUAGES, languageName } from '../../client/app/languages.js';

describe('language names', () => {
  const intl = new Intl.DisplayNames(['en'], { type: 'language' });

  it('SPEC 10.16 the usual languages are named as the locale data names them', () => {
    for (const tag of Object.keys(COMMON_LANGUAGES)) expect(languageName(tag), tag).toBe(intl.of(tag));
    expect(languageName('BN')).toBe('Bangla');
  });

  it('SPEC 10.16 other tags, regions included, are named by the locale data', () => {
    expect(languageName('bn-BD')).toBe('Bangla (Bangladesh)');
    expect(languageName('sw')).toBe('Swahili');
  });

  it('SPEC 10.16 a malformed or empty tag is shown as written', () => {
    expect(languageName('not a tag')).toBe('not a tag');
    expect(languageName('')).toBe('');
  });
});
