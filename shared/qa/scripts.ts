// Which writing system(s) a language is written in, and how much of a text is in them.
const NON_LATIN: Record<string, string[]> = {
  Bengali: ['bn', 'as', 'mni'],
  Devanagari: ['hi', 'mr', 'ne', 'sa', 'mai', 'kok', 'doi', 'bho'],
  Arabic: ['ar', 'fa', 'ur', 'ps', 'sd', 'ug', 'ckb'],
  Hebrew: ['he', 'yi'],
  Cyrillic: ['ru', 'uk', 'be', 'bg', 'mk', 'sr', 'kk', 'ky', 'mn', 'tg', 'tt', 'ba'],
  Greek: ['el'],
  Armenian: ['hy'],
  Georgian: ['ka'],
  Tamil: ['ta'],
  Telugu: ['te'],
  Kannada: ['kn'],
  Malayalam: ['ml'],
  Gujarati: ['gu'],
  Gurmukhi: ['pa'],
  Oriya: ['or'],
  Sinhala: ['si'],
  Thai: ['th'],
  Lao: ['lo'],
  Khmer: ['km'],
  Myanmar: ['my'],
  Ethiopic: ['am', 'ti'],
  Thaana: ['dv'],
  Tibetan: ['bo', 'dz'],
};
const LATIN = (
  'en fr de es it pt nl sv da no nb nn fi is et lv lt pl cs sk sl hr bs ro hu tr az sq mt ga gd cy eu ca gl ' +
  'oc br lb fy id ms tl fil vi sw ha yo ig zu xh af so uz tk jv su mg mi sm to haw ht qu gn ay rw lg om eo la'
).split(' ');
const MULTI: Record<string, string[]> = { zh: ['Han'], ja: ['Han', 'Hiragana', 'Katakana'], ko: ['Hangul', 'Han'] };
// ISO 15924 subtags (sr-Latn, uz-Cyrl, pa-Arab, zh-Hant).
const SUBTAGS: Record<string, string[]> = {
  latn: ['Latin'], cyrl: ['Cyrillic'], arab: ['Arabic'], deva: ['Devanagari'], beng: ['Bengali'],
  hans: ['Han'], hant: ['Han'], guru: ['Gurmukhi'], grek: ['Greek'], hebr: ['Hebrew'],
};

const byLanguage = new Map<string, string[]>();
for (const [script, langs] of Object.entries(NON_LATIN)) for (const lang of langs) byLanguage.set(lang, [script]);
for (const lang of LATIN) byLanguage.set(lang, ['Latin']);
for (const [lang, scripts] of Object.entries(MULTI)) byLanguage.set(lang, scripts);

/** The scripts `lang` (a BCP 47 tag) is written in, or undefined for a language not in the table. */
export function scriptsOf(lang: string): string[] | undefined {
  const [primary, ...rest] = lang.toLowerCase().split(/[-_]/);
  const subtag = rest.find((part) => part.length === 4 && SUBTAGS[part]);
  return subtag ? SUBTAGS[subtag] : byLanguage.get(primary);
}

const patterns = new Map<string, RegExp>();
function scriptPattern(script: string): RegExp {
  let pattern = patterns.get(script);
  if (!pattern) {
    pattern = new RegExp(`^\\p{Script=${script}}$`, 'u');
    patterns.set(script, pattern);
  }
  return pattern;
}

const KNOWN = ['Latin', ...Object.keys(NON_LATIN), 'Han', 'Hiragana', 'Katakana', 'Hangul'];
const LETTER = /[\p{L}\p{M}]/gu;
const NEUTRAL = /^[\p{Script=Common}\p{Script=Inherited}]$/u;

export interface ScriptShare {
  /** Letters and marks that belong to some script (digits and punctuation are not counted). */
  letters: number;
  /** How many of them are in one of `scripts`. */
  inScripts: number;
  /** The script most of the others are in, if any. */
  mainOther?: string;
}

export function scriptShare(text: string, scripts: readonly string[]): ScriptShare {
  let letters = 0;
  let inScripts = 0;
  const others = new Map<string, number>();
  for (const [char] of text.matchAll(LETTER)) {
    if (NEUTRAL.test(char)) continue;
    letters++;
    if (scripts.some((s) => scriptPattern(s).test(char))) inScripts++;
    else {
      const script = KNOWN.find((s) => scriptPattern(s).test(char)) ?? 'another';
      others.set(script, (others.get(script) ?? 0) + 1);
    }
  }
  const mainOther = [...others.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  return { letters, inScripts, mainOther };
}
