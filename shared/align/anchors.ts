// What a block and its translation keep in common whatever the languages: numbers (by value, in
// digits of any script or in words), words left in Latin letters (names, acronyms, untranslated
// text), names transliterated between Latin and Bengali letters (by sound), and quotations. Each
// block gets its anchors as keys. An anchor only one side of the article has is kept when it is a
// number, a name or a Latin word in a draft of another script (a block whose translation is not
// there: dropped or added), and left out otherwise (an English word that no Bengali draft has).
import { soundKey } from '../qa/name-sound.js';
import { readNumbers } from '../qa/number-phrases.js';
import { scriptsOf } from '../qa/scripts.js';
import { words } from '../qa/text.js';

const LATIN = /^\p{Script=Latin}/u;
const BENGALI = /^\p{Script=Bengali}/u;
const CAPITALIZED = /^\p{Lu}/u;
/** A sound key needs this many consonant classes to tell one name from another word. */
const MIN_SOUND = 3;
/** A Bengali case ending (-কে, -এর, -দের, -গুলো) adds at most this many consonant classes. */
const MAX_ENDING = 3;
/** Opening quotation marks; a straight double quote opens every other time. */
const QUOTE = /[“«„]|"[^"]*"/gu;
// What comes before a sentence's first word: the text's start, or . ! ? (then spaces, quotes, brackets).
const SENTENCE_START = /(?:^|[.!?])[\s“‘"'(\[«]*$/u;

type Side = 'latin' | 'bengali' | 'other';

function sideOf(lang: string): Side {
  const scripts = scriptsOf(lang) ?? [];
  if (scripts.includes('Latin')) return 'latin';
  if (scripts.includes('Bengali')) return 'bengali';
  return 'other';
}

/** Capitalized words not only at a sentence's start, whose lower-case form the side never uses. */
function namesOf(texts: readonly string[]): Set<string> {
  const lower = new Set<string>();
  const inside = new Set<string>();
  for (const text of texts) {
    for (const word of words(text)) {
      if (!LATIN.test(word.text)) continue;
      if (!CAPITALIZED.test(word.text)) lower.add(word.text);
      else if (!SENTENCE_START.test(text.slice(Math.max(0, word.start - 8), word.start))) inside.add(word.text);
    }
  }
  return new Set([...inside].filter((name) => !lower.has(name.toLowerCase())));
}

function numberKeys(text: string, lang: string): string[] {
  // A number in words of one is as often "a" or a pronoun.
  return readNumbers(text, lang)
    .filter((n) => !n.spelled || (n.value !== '0' && n.value !== '1'))
    .map((n) => `#${n.value}`);
}

function quoteKeys(text: string): string[] {
  return Array.from(text.matchAll(QUOTE), () => '“');
}

/** Latin words: all of a Latin side's words when the other side is not Latin, else its names. */
function latinKeys(text: string, side: Side, otherSide: Side, names: Set<string>): string[] {
  const keys: string[] = [];
  for (const word of words(text)) {
    if (!LATIN.test(word.text) || word.text.length < 2) continue;
    if (side === 'latin' && otherSide === 'latin' && !names.has(word.text)) continue;
    keys.push(`w:${word.text.toLowerCase()}`);
  }
  return keys;
}

/** The longest prefix of a Bengali word's sound key that is a Latin name's key (its ending set aside). */
function bengaliSound(word: string, latinSounds: ReadonlySet<string>): string | null {
  const key = soundKey(word);
  for (let length = key.length; length >= Math.max(MIN_SOUND, key.length - MAX_ENDING); length--) {
    if (latinSounds.has(key.slice(0, length))) return key.slice(0, length);
  }
  return null;
}

export interface AnchorInput {
  source: readonly string[];
  target: readonly string[];
  sourceLang: string;
  targetLang: string;
}

/** Each block's anchor keys (with repeats), both sides: only keys both sides have somewhere. */
export function anchorKeys({ source, target, sourceLang, targetLang }: AnchorInput): { source: string[][]; target: string[][] } {
  const sides = [sideOf(sourceLang), sideOf(targetLang)] as const;
  const names = [namesOf(source), namesOf(target)];
  // Names by sound, between a Latin side and a Bengali one.
  const latinAt = sides.indexOf('latin');
  const bySound = latinAt >= 0 && sides[1 - latinAt] === 'bengali';
  const latinSounds = new Set(bySound ? [...names[latinAt]].map(soundKey).filter((key) => key.length >= MIN_SOUND) : []);
  const keysOf = (texts: readonly string[], at: 0 | 1, lang: string) =>
    texts.map((text) => {
      const keys = [...numberKeys(text, lang), ...quoteKeys(text), ...latinKeys(text, sides[at], sides[1 - at], names[at])];
      if (!bySound) return keys;
      for (const word of words(text)) {
        if (at === latinAt && names[at].has(word.text)) {
          const key = soundKey(word.text);
          if (key.length >= MIN_SOUND) keys.push(`s:${key}`);
        } else if (at !== latinAt && BENGALI.test(word.text)) {
          const key = bengaliSound(word.text, latinSounds);
          if (key) keys.push(`s:${key}`);
        }
      }
      return keys;
    });
  const keys = { source: keysOf(source, 0, sourceLang), target: keysOf(target, 1, targetLang) };
  const inSource = new Set(keys.source.flat());
  const inTarget = new Set(keys.target.flat());
  const alone = (side: Side) => (key: string) => key.startsWith('#') || key.startsWith('s:') || (key.startsWith('w:') && (side !== 'latin' || sides[0] === sides[1]));
  const [sourceAlone, targetAlone] = [alone(sides[0]), alone(sides[1])];
  return {
    source: keys.source.map((block) => block.filter((key) => inTarget.has(key) || sourceAlone(key))),
    target: keys.target.map((block) => block.filter((key) => inSource.has(key) || targetAlone(key))),
  };
}
