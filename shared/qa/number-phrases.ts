// The numbers a text says, in digits, in words or both, each with its value: "২ লাখ ৫০ হাজার" and
// "আড়াই লাখ" are 250,000, "3.5 crore" and "সাড়ে তিন কোটি" 35,000,000, "half a million" 500,000.
import { asciiDigits, findNumbers, type NumberToken } from './digits.js';
import { number, type NumberPart } from './number-parts.js';
import { numberWordReader } from './number-words.js';
import { words } from './text.js';

export interface ReadNumber extends NumberToken {
  /** Written in words only (চব্বিশ, half a million): such a word is often no number at all (এক is also "a"). */
  spelled: boolean;
  /** Another value it may stand for: a decade (1990s) or a year (1971) is also its last two digits
   *  (নব্বইয়ের দশক, একাত্তরে). */
  also?: string;
  /** The hour of a clock time (5:30): the time in hours (5.5, সাড়ে ৫টা) and its minutes' number. */
  clock?: { value: string; minutes: ReadNumber };
}

interface Atom {
  start: number;
  end: number;
  part: NumberPart;
  /** The digits it was read from, if any. */
  digits?: NumberToken;
}

type State = 'start' | 'number' | 'tens' | 'ordinal' | 'hundred' | 'scale' | 'plus' | 'half' | 'and';

// Parts of one number are next to each other: in one word, or apart by spaces or a hyphen.
const GAP = /^[ \u00A0\u2009\u202F]*-?[ \u00A0\u2009\u202F]*$/u;
const adjacent = (text: string, a: Atom, b: Atom) => a.end === b.start || GAP.test(text.slice(a.end, b.start));
const COMMA = /^,[ \u00A0]+$/u;

/** A value as the digits check writes it: "35000000", "1.5". */
const valueString = (n: number) => String(Number(n.toPrecision(12)));

/** The parts of `text` in order: digits, and the words of its language that say something numeric. */
function atomsOf(text: string, lang: string): Atom[] {
  const digits = findNumbers(text, lang);
  const atoms: Atom[] = digits.map((token) => ({ start: token.start, end: token.end, part: number(Number(token.value)), digits: token }));
  const read = numberWordReader(lang);
  if (!read) return atoms;
  let d = 0;
  for (const word of words(text)) {
    while (d < digits.length && digits[d].end <= word.start) d++;
    let { start, text: spelled } = word;
    // A word that holds digits is read from where they end ("১০হাজার", "2.5bn"; "১২টি" says nothing more).
    for (let k = d; k < digits.length && digits[k].start < word.end; k++) start = Math.max(start, digits[k].end);
    if (start >= word.end) continue;
    spelled = text.slice(start, word.end);
    for (const part of read(spelled, text.slice(word.end, word.end + 8)) ?? []) atoms.push({ start, end: word.end, part });
  }
  return atoms.sort((a, b) => a.start - b.start);
}

/**
 * The longest number starting at atoms[from], or none; `next` is where to go on. English tens and
 * units join ("twenty four"); Bengali has a word for each of them.
 */
function readPhrase(text: string, atoms: Atom[], from: number, joinsTens: boolean): { token?: ReadNumber; next: number } {
  let total = 0;
  let current = 0;
  let has = false;
  let plus = 0;
  let lastScale = Infinity;
  let withDigits = false;
  let state: State = 'start';
  let best: { to: number; value: number } | undefined;
  for (let j = from; j < atoms.length; j++) {
    const atom = atoms[j];
    const after = (k: number) => (atoms[k] && adjacent(text, atoms[k - 1], atoms[k]) ? atoms[k].part.kind : undefined);
    const { part } = atom;
    // English words go on past a comma after a thousand or more into the hundreds ("nine hundred
    // ninety-nine thousand, nine hundred ninety-nine"); "two thousand, three were…" stays apart.
    const pastComma = () =>
      joinsTens && state === 'scale' && lastScale >= 1e3 && !withDigits && !atom.digits && part.kind === 'number' &&
      COMMA.test(text.slice(atoms[j - 1].end, atom.start)) && after(j + 1) === 'scale' && atoms[j + 1].part.kind === 'scale' &&
      (atoms[j + 1].part as { value: number }).value === 100;
    if (j > from && !adjacent(text, atoms[j - 1], atom) && !pastComma()) break;
    if (part.kind === 'number' || part.kind === 'ordinal') {
      const value = part.value + plus;
      if (state === 'start' || state === 'plus' || state === 'scale') {
        // Digits go on after a scale into another scale (৩ কোটি ২০ লাখ) or as the hundreds after a
        // thousand (৯৯ হাজার ৯৯৯), never into the next number (৫ কোটি, ২০২৩ সালে).
        if (state === 'scale' && atom.digits && after(j + 1) !== 'scale' && !(lastScale === 1e3 && value < 1e3)) break;
        current = value;
      } else if ((state === 'hundred' || state === 'and') && !atom.digits && Number.isInteger(value) && value < 100) current += value;
      else if (state === 'tens' && !atom.digits && value > 0 && value < 10) current += value;
      else break;
      plus = 0;
      has = true;
      withDigits ||= atom.digits !== undefined;
      const tens = joinsTens && !atom.digits && value >= 20 && value < 100 && value % 10 === 0;
      state = part.kind === 'ordinal' ? 'ordinal' : tens ? 'tens' : 'number';
    } else if (part.kind === 'scale') {
      if (state === 'ordinal' || state === 'plus' || state === 'half' || state === 'and') break;
      // "the hundredth": one hundred, an ordinal.
      if (part.ordinal && state === 'start') {
        current = 1;
        has = true;
      }
      if (part.value === 100) {
        if (!has || current >= 100) break;
        current *= 100;
        state = 'hundred';
      } else {
        if (part.value === lastScale) break; // হাজার হাজার: thousands, no number
        if (has && part.value < lastScale) total += current * part.value;
        else if (state === 'scale') total *= part.value; // এক হাজার কোটি
        else break;
        current = 0;
        has = false;
        lastScale = part.value;
        state = 'scale';
      }
      if (part.ordinal) state = 'ordinal';
    } else if (part.kind === 'plus') {
      if (state !== 'start' && state !== 'scale') break;
      plus = part.value;
      state = 'plus';
    } else if (part.kind === 'half') {
      if (state !== 'start' || after(j + 1) !== 'article') break;
      state = 'half';
    } else if (part.kind === 'article') {
      // "a thousand", "half a million"; any other "a" is no number.
      if ((state !== 'start' && state !== 'half') || after(j + 1) !== 'scale') break;
      current = state === 'half' ? 0.5 : 1;
      has = true;
      state = 'number';
    } else {
      // "and": "two and a half", "one hundred and five".
      if ((state === 'number' || state === 'tens') && after(j + 1) === 'article' && after(j + 2) === 'half') {
        current += 0.5;
        j += 2;
        state = 'number';
      } else if ((state === 'hundred' || state === 'scale') && (after(j + 1) === 'number' || after(j + 1) === 'ordinal')) state = 'and';
      else break;
    }
    if ((has || total > 0) && state !== 'plus' && state !== 'half' && state !== 'and') best = { to: j, value: total + current };
  }
  if (!best) return { next: from + 1 };
  const start = atoms[from].start;
  const end = atoms[best.to].end;
  const only = best.to === from ? atoms[from].digits : undefined;
  const token: ReadNumber = { text: text.slice(start, end), start, end, value: only ? only.value : valueString(best.value), spelled: !withDigits };
  // A decade (1990s, 1990's) or a year of 1901–2099 (1971, said একাত্তর).
  const decade = only && /^\d{3}0$/.test(only.value) && /^['’]?s\b/u.test(text.slice(end));
  if (only && (decade || /^(?:19|20)\d\d$/.test(only.value)) && Number(only.value) % 100 !== 0) {
    token.also = String(Number(only.value) % 100);
  }
  return { token, next: best.to + 1 };
}

const wordValue = (atom: Atom | undefined) => (atom && !atom.digits && atom.part.kind === 'number' ? atom.part.value : undefined);
const SPACES = /^[ \u00A0]+$/u;
const OH = /^[ \u00A0]+o[h’']?[ \u00A0-]+$/iu;

/**
 * An English year said in two halves, the century then the year in it (nineteen seventy-one,
 * twenty twenty-four, eighteen oh five), from atoms[from]: 1700–2099. Not a compound adjective
 * ("eighteen twenty-year-olds") nor part of a longer number.
 */
function readYear(text: string, atoms: Atom[], from: number): { token: ReadNumber; next: number } | undefined {
  const century = wordValue(atoms[from]);
  if (century === undefined || century < 17 || century > 20) return undefined;
  const first = atoms[from + 1];
  const gap = first && text.slice(atoms[from].end, first.start);
  let year = wordValue(first);
  if (year === undefined || !(SPACES.test(gap) || (OH.test(gap) && year >= 1 && year <= 9))) return undefined;
  if (!OH.test(gap) && (year < 10 || year > 90)) return undefined;
  let to = from + 1;
  const unit = wordValue(atoms[to + 1]);
  if (year >= 20 && year % 10 === 0 && unit !== undefined && unit >= 1 && unit <= 9 && adjacent(text, atoms[to], atoms[to + 1])) {
    year += unit;
    to++;
  }
  const end = atoms[to].end;
  const after = atoms[to + 1];
  if (/^-\p{L}/u.test(text.slice(end)) || (after && adjacent(text, atoms[to], after) && after.part.kind !== 'article' && after.part.kind !== 'and')) return undefined;
  const start = atoms[from].start;
  const token: ReadNumber = { text: text.slice(start, end), start, end, value: String(century * 100 + year), spelled: true, also: String(year) };
  return { token, next: to + 1 };
}

/** Every number `text` says, in digits (any script) or in the words of `lang` (en, bn). */
export function readNumbers(text: string, lang: string): ReadNumber[] {
  const atoms = atomsOf(text, lang);
  const joinsTens = lang.toLowerCase().startsWith('en');
  const found: ReadNumber[] = [];
  for (let i = 0; i < atoms.length; ) {
    const { token, next } = (joinsTens && readYear(text, atoms, i)) || readPhrase(text, atoms, i, joinsTens);
    if (token) found.push(token);
    i = next;
  }
  // A clock time: hours, a colon, two digits of minutes (5:30, ১০:১৫); or a full stop before am or
  // pm (5.30pm), read as the decimal 5.3 until here.
  for (let k = 0; k < found.length; k++) {
    const dotted = /^(\p{Nd}{1,2})\.(\p{Nd}{2})$/u.exec(found[k].text);
    if (!dotted || found[k].spelled || !/^\s?(?:[ap]\.?m\b\.?)/iu.test(text.slice(found[k].end))) continue;
    const { start, end } = found[k];
    const cut = start + dotted[1].length;
    const part = (from: number, to: number): ReadNumber => {
      const written = text.slice(from, to);
      return { text: written, start: from, end: to, value: String(Number(asciiDigits(written))), spelled: false };
    };
    found.splice(k, 1, part(start, cut), part(cut + 1, end));
  }
  for (let k = 0; k + 1 < found.length; k++) {
    const [hour, minutes] = [found[k], found[k + 1]];
    if (hour.spelled || minutes.spelled || !/^[:.]$/u.test(text.slice(hour.end, minutes.start)) || !/^\p{Nd}{2}$/u.test(minutes.text)) continue;
    const [h, m] = [Number(hour.value), Number(minutes.value)];
    if (Number.isInteger(h) && h <= 24 && m < 60) hour.clock = { value: valueString(h + m / 60), minutes };
  }
  return found;
}
