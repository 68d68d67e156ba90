// Reads XLIFF 2.0 and 1.2 into units: id, source and target text, state, notes, and whether the
// unit is marked translate="no" (as Tandem marks an omitted segment).
import type { SegmentState } from '../schema.js';
import { fromXliff12State, fromXliff2State, leastState } from '../export/xliff-states.js';
import { ImportError } from './errors.js';
import { element, elements, parseXml, type XmlChild, type XmlElement } from './xml-tree.js';

export interface XliffUnit {
  id: string;
  source: string;
  target: string;
  state: SegmentState;
  /** The unit says translate="no". */
  omitted: boolean;
  /** The unit's notes with text (2.0's `<notes>`, 1.2's `<note>`s), in order. */
  notes: XliffNote[];
}

export interface XliffNote {
  text: string;
  /** Who wrote it, where the file says (1.2's `from`). */
  from?: string;
}

export interface XliffFile {
  version: '1.2' | '2.0';
  sourceLang?: string;
  targetLang?: string;
  /** A file-level note with category "title", as Tandem writes it. */
  title?: string;
  units: XliffUnit[];
}

/** Placeholders and codes with a text equivalent stand for it; 1.2's native codes stand for nothing. */
const EMPTY_CODES = new Set(['x', 'bx', 'ex', 'sc', 'ec', 'sm', 'em']);
const NATIVE_CODES = new Set(['bpt', 'ept', 'it', 'sub']);

/** The text of inline content: `<g>`, `<pc>`, `<mrk>` and 1.2's `<ph>` are read as their text. */
export function inlineText(children: readonly XmlChild[]): string {
  let text = '';
  for (const child of children) {
    if (typeof child === 'string') text += child;
    else if (child.name === 'cp') text += codePoint(child.attrs.hex);
    else if (EMPTY_CODES.has(child.name)) text += child.attrs.equiv ?? child.attrs['equiv-text'] ?? '';
    else if (NATIVE_CODES.has(child.name)) text += child.attrs['equiv-text'] ?? '';
    else if (child.name === 'ph' && child.children.length === 0) text += child.attrs.equiv ?? child.attrs['equiv-text'] ?? '';
    else text += inlineText(child.children);
  }
  return text;
}

function codePoint(hex: string | undefined): string {
  const value = hex === undefined ? NaN : parseInt(hex, 16);
  return Number.isInteger(value) && value >= 0 && value <= 0x10ffff ? String.fromCodePoint(value) : '';
}

const textOf = (parent: XmlElement, name: string): string | null => {
  const found = element(parent, name);
  return found ? inlineText(found.children) : null;
};

/** Units anywhere under `parent`, through groups, in document order. */
function unitsUnder(parent: XmlElement, unitName: string): XmlElement[] {
  return elements(parent).flatMap((child) =>
    child.name === unitName ? [child] : child.name === 'group' || child.name === 'body' ? unitsUnder(child, unitName) : [],
  );
}

/** 2.0: a unit's segments and ignorables, in order; a missing ignorable target is its source. */
function readNotes(notes: readonly XmlElement[]): XliffNote[] {
  return notes
    .map((note) => ({ text: inlineText(note.children).trim(), from: note.attrs.from?.trim() || undefined }))
    .filter((note) => note.text !== '');
}

function readUnit2(unit: XmlElement): XliffUnit {
  let source = '';
  let target = '';
  let translated = false;
  const states: SegmentState[] = [];
  for (const part of elements(unit)) {
    if (part.name !== 'segment' && part.name !== 'ignorable') continue;
    const partSource = textOf(part, 'source') ?? '';
    const partTarget = textOf(part, 'target');
    source += partSource;
    if (part.name === 'segment') {
      states.push(fromXliff2State(part.attrs.state));
      if (partTarget !== null) translated = true;
      target += partTarget ?? '';
    } else {
      target += partTarget ?? partSource;
    }
  }
  const notes = element(unit, 'notes');
  return {
    id: unit.attrs.id ?? '',
    source,
    target: translated ? target : '',
    state: leastState(states),
    omitted: unit.attrs.translate === 'no',
    notes: readNotes(notes ? elements(notes, 'note') : []),
  };
}

function readUnit12(unit: XmlElement): XliffUnit {
  const target = element(unit, 'target');
  return {
    id: unit.attrs.id ?? '',
    source: textOf(unit, 'source') ?? '',
    target: target ? inlineText(target.children) : '',
    state: fromXliff12State(target?.attrs.state, unit.attrs.approved),
    omitted: unit.attrs.translate === 'no',
    notes: readNotes(elements(unit, 'note')),
  };
}

function fileTitle(file: XmlElement | undefined): string | undefined {
  const notes = file && element(file, 'notes');
  const note = notes && elements(notes, 'note').find((n) => n.attrs.category === 'title');
  return note ? inlineText(note.children) : undefined;
}

export function readXliff(text: string): XliffFile {
  const root = parseXml(text, 'bad_xliff');
  if (root.name !== 'xliff') throw new ImportError('bad_xliff', `not an XLIFF file: the root element is <${root.name}>`);
  const version = root.attrs.version ?? '';
  const files = elements(root, 'file');
  if (version.startsWith('2.')) {
    return {
      version: '2.0',
      sourceLang: root.attrs.srcLang,
      targetLang: root.attrs.trgLang,
      title: fileTitle(files[0]),
      units: files.flatMap((file) => unitsUnder(file, 'unit')).map(readUnit2),
    };
  }
  if (version.startsWith('1.')) {
    return {
      version: '1.2',
      sourceLang: files[0]?.attrs['source-language'],
      targetLang: files[0]?.attrs['target-language'],
      units: files.flatMap((file) => unitsUnder(file, 'trans-unit')).map(readUnit12),
    };
  }
  throw new ImportError('bad_xliff', `unsupported XLIFF version "${version}" (use 2.0 or 1.2)`);
}
