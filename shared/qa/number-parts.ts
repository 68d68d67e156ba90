// What one word says towards a number, for the languages whose number words the checks read.

export type NumberPart =
  /** A cardinal (চব্বিশ, twenty), a fraction that stands for its value (দেড় 1.5, আধা ½), digits. */
  | { kind: 'number'; value: number }
  /** An ordinal (প্রথম, পঞ্চাশতম, twenty-first): ends the number it closes. */
  | { kind: 'ordinal'; value: number }
  /** A multiplier: hundred (শো, শত), thousand (হাজার), lakh (লাখ, লক্ষ), crore (কোটি), million…;
   *  an ordinal one (hundredth, thousandth) ends the number it closes, and alone is one of it. */
  | { kind: 'scale'; value: number; ordinal?: true }
  /** Added to the number that follows: সাড়ে +½ (সাড়ে তিন 3.5), সোয়া +¼, পৌনে −¼. */
  | { kind: 'plus'; value: number }
  /** English "a", "an": one, before a scale only ("a thousand"). */
  | { kind: 'article' }
  /** English "half": in "half a million" and "… and a half". */
  | { kind: 'half' }
  /** English "and" inside a number ("one hundred and five", "two and a half"). */
  | { kind: 'and' };

export const number = (value: number): NumberPart => ({ kind: 'number', value });
export const ordinal = (value: number): NumberPart => ({ kind: 'ordinal', value });
export const scale = (value: number): NumberPart => ({ kind: 'scale', value });
export const ordinalScale = (value: number): NumberPart => ({ kind: 'scale', value, ordinal: true });
