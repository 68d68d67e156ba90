// Digits of any script (\p{Nd}) and the numbers they spell, whatever the grouping and decimal mark.
const DIGIT = /^\p{Nd}$/u;
const values = new Map<number, number>();

/**
 * Numeric value of one decimal digit of any script. Unicode encodes every script's decimal digits
 * as contiguous runs 0–9, so the value is the count of digits just before it, modulo 10.
 */
export function digitValue(char: string): number | undefined {
  if (!DIGIT.test(char)) return undefined;
  const code = char.codePointAt(0)!;
  let value = values.get(code);
  if (value === undefined) {
    let run = 0;
    while (DIGIT.test(String.fromCodePoint(code - run - 1))) run++;
    value = run % 10;
    values.set(code, value);
  }
  return value;
}

/** Every digit of `text` as 0–9; other characters unchanged. */
export function asciiDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (d) => String(digitValue(d)));
}

const decimalMarks = new Map<string, string>();

/** The decimal mark of a language ("." for en and bn, "," for de, fr, ru). */
export function decimalMark(lang: string): string {
  let mark = decimalMarks.get(lang);
  if (mark === undefined) {
    try {
      mark = new Intl.NumberFormat(lang).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
    } catch {
      mark = '.';
    }
    decimalMarks.set(lang, mark);
  }
  return mark;
}

export interface NumberToken {
  /** The number as written. */
  text: string;
  start: number;
  end: number;
  /** Canonical value: ASCII digits, no grouping, "." before any fraction ("10000", "3.5"). */
  value: string;
}

// Digit groups joined by separators; a space-like separator only before exactly three digits.
const NUMBER = /\p{Nd}+(?:(?:[.,'’\u066B\u066C]|[ \u00A0\u2009\u202F](?=\p{Nd}{3}(?!\p{Nd})))\p{Nd}+)*/gu;
const SEPARATOR = /[.,'’\u066B\u066C \u00A0\u2009\u202F]/u;

function canonical(integer: string, fraction = ''): string {
  const int = integer.replace(/^0+(?=\d)/, '');
  const frac = fraction.replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
}

/** Groups of 1–3 digits, then 2 or 3 (lakh grouping 1,00,000), the last three; one separator kind. */
function isGrouping(groups: string[], seps: string[]): boolean {
  if (groups.length === 1) return true;
  if (seps.some((s) => s !== seps[0]) || groups[0].length > 3) return false;
  const rest = groups.slice(1);
  return rest.every((g) => g.length === 2 || g.length === 3) && rest[rest.length - 1].length === 3;
}

/** Index of the separator that is a decimal mark, or -1. */
function decimalAt(groups: string[], seps: string[], mark: string): number {
  const last = seps.length - 1;
  const sep = seps[last];
  if (sep === '\u066B') return last;
  if (sep !== '.' && sep !== ',') return -1;
  const before = seps.slice(0, last);
  if (before.includes(sep)) return -1;
  if (before.length > 0) return last;
  // A lone "." or ",": "3.5" is a decimal; "1.500" depends on the language.
  return groups[last + 1].length !== 3 || sep === mark ? last : -1;
}

/** The numbers written in `text`, read with the decimal mark of `lang` where it is ambiguous. */
export function findNumbers(text: string, lang: string): NumberToken[] {
  const found: NumberToken[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const raw = match[0];
    const groups: string[] = [];
    const seps: string[] = [];
    const offsets: number[] = [];
    let offset = 0;
    for (const part of raw.split(/(\p{Nd}+)/u)) {
      if (part === '') continue;
      if (SEPARATOR.test(part)) seps.push(part);
      else {
        groups.push(asciiDigits(part));
        offsets.push(offset);
      }
      offset += part.length;
    }
    const decimal = decimalAt(groups, seps, decimalMark(lang));
    const intGroups = decimal < 0 ? groups : groups.slice(0, decimal + 1);
    const intSeps = decimal < 0 ? seps : seps.slice(0, decimal);
    const start = match.index;
    if (isGrouping(intGroups, intSeps)) {
      const fraction = decimal < 0 ? '' : groups[decimal + 1];
      found.push({ text: raw, start, end: start + raw.length, value: canonical(intGroups.join(''), fraction) });
      continue;
    }
    // Not one number ("1,2,3", "2.5.2024", "2016 100"): each group is a number of its own.
    groups.forEach((group, i) => {
      const at = start + offsets[i];
      const end = i + 1 < groups.length ? start + offsets[i + 1] - seps[i].length : start + raw.length;
      found.push({ text: text.slice(at, end), start: at, end, value: canonical(group) });
    });
  }
  return found;
}
