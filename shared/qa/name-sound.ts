// How a name sounds, roughly, whether written in Latin or Bengali letters: its consonants in order,
// each as a class both scripts share, and "V" for a vowel it starts with. Benioff and বেনিওফ are
// "bnf", Chowdhury and চৌধুরী "cdr", WIRED and ওয়্যারড "Vrd", Reuters and রয়টার্স "rtrs".

// Latin: digraphs first, then letters; vowels, w, y and h after a consonant say nothing here.
// Their classes are written in capitals, which the letters below pass through.
const LATIN_DIGRAPHS: Array<[RegExp, string]> = [
  [/tch/g, 'C'], [/^gh/g, 'G'], [/gh/g, ''], [/ph/g, 'F'], [/sh/g, 'S'], [/ch/g, 'C'], [/th/g, 'T'], [/dh/g, 'D'], [/bh/g, 'B'],
  [/kh/g, 'K'], [/gh/g, 'G'], [/ck/g, 'K'], [/qu/g, 'K'], [/ng\b/g, 'N'], [/c(?=[eiy])/g, 'S'],
];
const LATIN: Record<string, string> = {
  b: 'b', c: 'k', d: 'd', f: 'f', g: 'g', h: 'h', j: 'j', k: 'k', l: 'l', m: 'm', n: 'n', p: 'p',
  q: 'k', r: 'r', s: 's', t: 't', v: 'b', x: 'ks', z: 'j',
};

// Each Bengali consonant (and ং, ৎ) with its class.
const BENGALI = new Map(
  'কk খk গg ঘg ঙn চc ছc জj ঝj ঞn টt ঠt ডd ঢd ণn তt থt দd ধd নn পp ফf বb ভb মm যj রr লl শs ষs সs হh ৎt ংn'.split(' ').map((pair) => [pair.slice(0, -1), pair.slice(-1)] as const),
);
const BENGALI_VOWEL = /^[\u0985-\u0994]/u;
const LATIN_VOWEL = /^[aeiouwy]/u;

const collapse = (key: string) => key.replace(/(.)\1+/g, '$1');

function latinKey(word: string): string {
  let text = word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  const start = LATIN_VOWEL.test(text) ? 'V' : '';
  for (const [pattern, to] of LATIN_DIGRAPHS) text = text.replace(pattern, to);
  return start + collapse([...text].map((c) => LATIN[c] ?? (/[A-Z]/.test(c) ? c.toLowerCase() : '')).join(''));
}

function bengaliKey(word: string): string {
  // য় (য + nukta) is a glide and the ya-phala (্য, a য after a hasanta) a vowel colour; ড় and ঢ় sound r.
  const text = word
    .normalize('NFD')
    .replace(/\u09AF\u09BC|\u09CD\u09AF/gu, '')
    .replace(/[\u09A1\u09A2]\u09BC/gu, '\u09B0');
  const start = BENGALI_VOWEL.test(text) ? 'V' : '';
  return start + collapse([...text].map((c) => BENGALI.get(c) ?? '').join(''));
}

/** The sound key of a word in Latin or Bengali letters; "" for other scripts. */
export function soundKey(word: string): string {
  if (/\p{Script=Latin}/u.test(word)) return latinKey(word);
  if (/\p{Script=Bengali}/u.test(word)) return bengaliKey(word);
  return '';
}
