import { describe, expect, it } from 'vitest';
import { initial } from '../../client/collab/colors.js';

describe('avatar letters', () => {
  it('SPEC 10.1 an avatar shows the whole first letter of a name', () => {
    expect(initial('asha')).toBe('A');
    expect(initial('  Émile')).toBe('É');
    expect(initial('E\u0301mile')).toBe('E\u0301'); // a letter with a combining accent
    expect(initial('রাফি')).toBe('রা'); // a consonant with its vowel sign
    expect(initial('ক্ষমা')).toBe('ক্ষ'); // a conjunct
    expect(initial('কমল')).toBe('ক');
    expect(initial('𝒜da')).toBe('𝒜'); // outside the Basic Multilingual Plane
    expect(initial('👩‍💻 Dev')).toBe('👩‍💻');
    expect(initial('   ')).toBe('?');
  });
});
