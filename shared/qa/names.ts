// One name, two spellings (SPEC 14.13): a name-like word the article spells two ways a grapheme
// apart (বেনিওফ, বেনিফ), or keeps in Latin letters and writes once in Bengali ones (WIRED, ওয়্যারড).
// The check looks at the whole article, but live runs must not read it all again after a keystroke:
// each segment's words are tallied once (`tallyNames`, kept with the segment's other issues) and the
// `NameIndex` adds and takes away whole tallies, finding the spellings a grapheme apart as new words
// come in. A run then weighs only the pairs it knows.
import { editDistance } from './distance.js';
import { soundKey } from './name-sound.js';
import { differsAsNamesDo, MIN_GRAPHEMES, spellingsOf } from './name-spellings.js';
import { graphemes, textKey, words } from './text.js';
import { qaIssue, type QaIssue, type QaSegment } from './types.js';

/** Together, the two spellings occur at least this often ("several times"). */
const MIN_OCCURRENCES = 3;
/** A sound key this long says enough to match a Latin name with a Bengali spelling. */
const MIN_SOUND = 3;
/** Latin words shorter than this are too short to tell a misspelling from another word (DNS, DVD). */
const MIN_LATIN = 4;

interface Range {
  start: number;
  end: number;
}

/** What one segment brings to the check: where each word form (NFC, case kept) stands. */
export interface NameTally {
  /** The capitalized words of its source by sound key (lower-cased); null without a source. */
  sourceNames: Map<string, string[]> | null;
  forms: Map<string, Range[]>;
}

const CAPITALIZED = /^\p{Lu}/u;
const CASED = /[\p{Lu}\p{Ll}]/u;
const LATIN = /\p{Script=Latin}/u;

/** Tallies a segment's words for the check. */
export function tallyNames(segment: QaSegment): NameTally {
  let sourceNames: NameTally['sourceNames'] = null;
  if (segment.source != null) {
    sourceNames = new Map();
    for (const word of words(segment.source)) {
      const sound = CAPITALIZED.test(word.text) ? soundKey(word.text) : '';
      if (sound.length < 2) continue;
      const names = sourceNames.get(sound);
      if (!names) sourceNames.set(sound, [word.text.toLowerCase()]);
      else if (!names.includes(word.text.toLowerCase())) names.push(word.text.toLowerCase());
    }
  }
  const forms = new Map<string, Range[]>();
  for (const word of words(segment.target)) {
    if (word.text.length < MIN_GRAPHEMES || /\p{Nd}/u.test(word.text)) continue;
    const key = textKey(word.text, true);
    const ranges = forms.get(key);
    if (ranges) ranges.push({ start: word.start, end: word.end });
    else forms.set(key, [{ start: word.start, end: word.end }]);
  }
  return { sourceNames, forms };
}

/** A form across the article. */
interface Form {
  count: number;
  /** Occurrences in segments without a source. */
  unsourced: number;
  bySegment: Map<string, Range[]>;
  spellings: string[];
}

interface Group {
  forms: string[];
  count: number;
  unsourced: number;
}

interface Pair {
  a: string;
  b: string;
  /** A grapheme apart in one script, or one Latin and one Bengali spelling that sound alike. */
  kind: 'spelling' | 'script';
}

const firstLetter = (text: string) => text.codePointAt(0);

/** The spellings of the whole article, kept up to date one segment at a time. */
export class NameIndex {
  private readonly tallies = new Map<string, NameTally>();
  private readonly forms = new Map<string, Form>();
  /** Spelling → the forms that may be of it. */
  private readonly bySpelling = new Map<string, Set<string>>();
  /** A spelling and each of its one-grapheme deletions → spellings (to find those a grapheme apart). */
  private readonly byDeletion = new Map<string, Set<string>>();
  private readonly bySound = new Map<string, Set<string>>();
  private readonly pairs = new Map<string, Pair>();
  private readonly pairsOf = new Map<string, Set<string>>();

  /** Puts a segment's tally in place of the one it had (none: the segment is gone). */
  update(segmentId: string, tally: NameTally | undefined): void {
    const old = this.tallies.get(segmentId);
    if (old === tally) return;
    if (old) for (const [key, ranges] of old.forms) this.remove(segmentId, key, ranges, old.sourceNames === null);
    if (tally) {
      this.tallies.set(segmentId, tally);
      for (const [key, ranges] of tally.forms) this.add(segmentId, key, ranges, tally.sourceNames === null);
    } else this.tallies.delete(segmentId);
  }

  /** The segments the index holds. */
  segmentIds(): IterableIterator<string> {
    return this.tallies.keys();
  }

  /** The check's issues: at each occurrence of the rarer spelling of every name spelled two ways. */
  issues(segments: ReadonlyMap<string, QaSegment>): QaIssue[] {
    const issues: QaIssue[] = [];
    const flagged = new Set<string>();
    const weighed = [...this.pairs.values()]
      .map((pair) => ({ pair, a: this.group(pair.a), b: this.group(pair.b) }))
      .sort((x, y) => y.a.count + y.b.count - (x.a.count + x.b.count));
    for (const { pair, a, b } of weighed) {
      if (!this.spelledTwoWays(pair, a, b)) continue;
      const sides = a.count === b.count ? [[pair.a, a, pair.b], [pair.b, b, pair.a]] as const : a.count < b.count ? [[pair.a, a, pair.b]] as const : [[pair.b, b, pair.a]] as const;
      for (const [found, group, other] of sides) {
        for (const key of group.forms) {
          for (const [segmentId, ranges] of this.forms.get(key)!.bySegment) {
            const segment = segments.get(segmentId);
            if (!segment) continue;
            for (const range of ranges) {
              const at = `${segmentId}\u0000${range.start}`;
              if (flagged.has(at)) continue;
              flagged.add(at);
              const issue = qaIssue(segment, 'names', 'warning', `“${found}” and “${other}”: one name, two spellings?`, range);
              issue.spellings = { found, other };
              issues.push(issue);
            }
          }
        }
      }
    }
    return issues;
  }

  private group(spelling: string): Group {
    const forms = [...(this.bySpelling.get(spelling) ?? [])];
    let count = 0;
    let unsourced = 0;
    for (const key of forms) {
      const form = this.forms.get(key)!;
      count += form.count;
      unsourced += form.unsourced;
    }
    return { forms, count, unsourced };
  }

  /**
   * How many occurrences of a spelling's group sound like a capitalized word of their segment's
   * source; `names` collects those words.
   */
  private named(spelling: string, group: Group, names: Set<string>): number {
    const sound = soundKey(spelling);
    let named = 0;
    for (const key of group.forms) {
      for (const [segmentId, ranges] of this.forms.get(key)!.bySegment) {
        const words = this.tallies.get(segmentId)?.sourceNames?.get(sound);
        if (!words) continue;
        named += ranges.length;
        for (const word of words) names.add(word);
      }
    }
    return named;
  }

  private spelledTwoWays(pair: Pair, a: Group, b: Group): boolean {
    if (a.count + b.count < MIN_OCCURRENCES) return false;
    // Forms that may be of one stem are one word inflected (চৌধুরীর, চৌধুরীকে), not two spellings.
    const stemsOfA = new Set(a.forms.flatMap((key) => this.forms.get(key)!.spellings));
    if (b.forms.some((key) => this.forms.get(key)!.spellings.some((s) => stemsOfA.has(s)))) return false;
    // A name kept in Latin letters, and written in Bengali ones now and then.
    if (pair.kind === 'script') {
      const [latin, other] = LATIN.test(pair.a) ? [a, b] : [b, a];
      return other.count * 2 <= latin.count;
    }
    if (CASED.test(pair.a)) {
      // A capitalized word whose lower-case form the article never uses is a name.
      return [pair.a, pair.b].every((s) => CAPITALIZED.test(s) && !this.bySpelling.get(s.toLowerCase())?.size);
    }
    // With sources: both sound like one capitalized word of their segments' sources, mostly; two
    // such words (Rana, Rina) are two names.
    if (a.unsourced === 0 && b.unsourced === 0) {
      const names = new Set<string>();
      const named = soundKey(pair.a) === soundKey(pair.b) && this.named(pair.a, a, names) * 2 >= a.count && this.named(pair.b, b, names) * 2 >= b.count;
      return named && names.size === 1;
    }
    // Without: one is much rarer, and they differ as names' spellings do.
    return Math.min(a.count, b.count) * 2 <= Math.max(a.count, b.count) && differsAsNamesDo(pair.a, pair.b);
  }

  private add(segmentId: string, key: string, ranges: Range[], unsourced: boolean): void {
    let form = this.forms.get(key);
    if (!form) {
      form = { count: 0, unsourced: 0, bySegment: new Map(), spellings: spellingsOf(key) };
      this.forms.set(key, form);
      for (const spelling of form.spellings) this.addSpelling(spelling, key);
    }
    form.count += ranges.length;
    if (unsourced) form.unsourced += ranges.length;
    form.bySegment.set(segmentId, ranges);
  }

  private remove(segmentId: string, key: string, ranges: Range[], unsourced: boolean): void {
    const form = this.forms.get(key)!;
    form.count -= ranges.length;
    if (unsourced) form.unsourced -= ranges.length;
    form.bySegment.delete(segmentId);
    if (form.count > 0) return;
    this.forms.delete(key);
    for (const spelling of form.spellings) this.removeSpelling(spelling, key);
  }

  private addSpelling(spelling: string, formKey: string): void {
    const forms = this.bySpelling.get(spelling);
    if (forms) {
      forms.add(formKey);
      return;
    }
    this.bySpelling.set(spelling, new Set([formKey]));
    const parts = graphemes(spelling);
    if (parts.length < (LATIN.test(spelling) ? MIN_LATIN : MIN_GRAPHEMES)) return;
    for (const key of deletionKeys(parts)) {
      for (const other of this.byDeletion.get(key) ?? []) {
        if (firstLetter(other) === firstLetter(spelling) && editDistance(graphemes(other), parts) === 1) this.addPair(spelling, other, 'spelling');
      }
      addTo(this.byDeletion, key, spelling);
    }
    const sound = this.soundOf(spelling);
    if (sound.length < MIN_SOUND) return;
    const latin = LATIN.test(spelling);
    for (const other of this.bySound.get(sound) ?? []) if (LATIN.test(other) !== latin) this.addPair(spelling, other, 'script');
    addTo(this.bySound, sound, spelling);
  }

  private removeSpelling(spelling: string, formKey: string): void {
    const forms = this.bySpelling.get(spelling)!;
    forms.delete(formKey);
    if (forms.size > 0) return;
    this.bySpelling.delete(spelling);
    const parts = graphemes(spelling);
    if (parts.length < (LATIN.test(spelling) ? MIN_LATIN : MIN_GRAPHEMES)) return;
    for (const key of deletionKeys(parts)) takeFrom(this.byDeletion, key, spelling);
    takeFrom(this.bySound, this.soundOf(spelling), spelling);
    for (const id of this.pairsOf.get(spelling) ?? []) {
      const pair = this.pairs.get(id)!;
      this.pairs.delete(id);
      takeFrom(this.pairsOf, pair.a === spelling ? pair.b : pair.a, id);
    }
    this.pairsOf.delete(spelling);
  }

  /**
   * The sound a spelling is compared by across scripts. A Latin one needs to be a name saying enough:
   * capitalized with four consonants or more (Reuters), or four capitals or more (WIRED, not DNS).
   */
  private soundOf(spelling: string): string {
    if (!LATIN.test(spelling)) return soundKey(spelling);
    const sound = CAPITALIZED.test(spelling) ? soundKey(spelling) : '';
    return sound.replace('V', '').length >= 4 || /^\p{Lu}{4,}$/u.test(spelling) ? sound : '';
  }

  private addPair(a: string, b: string, kind: Pair['kind']): void {
    const id = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    if (this.pairs.has(id)) return;
    this.pairs.set(id, { a, b, kind });
    addTo(this.pairsOf, a, id);
    addTo(this.pairsOf, b, id);
  }
}

/** A spelling and each of its one-grapheme deletions: two spellings a grapheme apart share one. */
function deletionKeys(parts: string[]): string[] {
  return [parts.join(''), ...parts.map((_, i) => [...parts.slice(0, i), ...parts.slice(i + 1)].join(''))];
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function takeFrom<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}
