// TMX 1.4b, the exchange format of translation memories (SPEC 18.7). Reading goes through the
// hardened XML reader of the XLIFF import (no entity declarations); a file that is not TMX is
// refused whole, naming what is wrong and where. Inline codes (bpt, ept, it, ph, ut) are left out
// of a segment's text, highlighted text (hi) kept. A tu yields one unit per language besides the
// source's; a tu without the source language or with an empty side is skipped and counted.
import { element, elements, parseXml, type XmlElement } from '../../shared/import/xml-tree.js';
import { ImportError } from '../../shared/import/errors.js';
import { UNIT_STATUSES, type TmUnit, type TmUnitInput, type UnitStatus } from './memory-store.js';

const INLINE_CODES = new Set(['bpt', 'ept', 'it', 'ph', 'ut']);
const PROP = { status: 'x-tandem-status', doc: 'x-tandem-doc', segment: 'x-tandem-segment', context: 'x-context-pre' } as const;

const bad = (message: string) => new ImportError('bad_tmx', message);

function segText(seg: XmlElement): string {
  return seg.children.map((child) => (typeof child === 'string' ? child : INLINE_CODES.has(child.name) ? '' : segText(child))).join('');
}

/** TMX dates are YYYYMMDDThhmmssZ (UTC). */
function parseDate(value: string | undefined): number | null {
  const m = value?.match(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : null;
}

export function tmxDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

const primary = (tag: string) => tag.split(/[-_]/)[0].toLowerCase();

export function parseTmx(text: string, now = Date.now()): { units: TmUnitInput[]; skipped: number } {
  if (text.trim() === '') throw bad('the TMX file is empty');
  const root = parseXml(text, 'bad_tmx');
  if (root.name !== 'tmx') throw bad(`the root element is <${root.name}>, not <tmx>`);
  const header = element(root, 'header');
  if (!header) throw bad('the TMX file has no <header>');
  const body = element(root, 'body');
  if (!body) throw bad('the TMX file has no <body>');
  const units: TmUnitInput[] = [];
  let skipped = 0;
  elements(body, 'tu').forEach((tu, index) => {
    const where = `tu ${index + 1}${tu.attrs.tuid ? ` (tuid ${tu.attrs.tuid})` : ''}`;
    const tuvs = elements(tu, 'tuv').map((tuv) => {
      const lang = tuv.attrs.lang;
      if (!lang) throw bad(`${where}: a <tuv> without xml:lang`);
      const seg = element(tuv, 'seg');
      if (!seg) throw bad(`${where}: a <tuv> without <seg>`);
      return { lang, text: segText(seg) };
    });
    const props = new Map(elements(tu, 'prop').map((prop) => [prop.attrs.type, segText(prop)]));
    const srclang = tu.attrs.srclang ?? header.attrs.srclang;
    const source =
      !srclang || srclang === '*all*'
        ? tuvs[0]
        : (tuvs.find((tuv) => tuv.lang.toLowerCase() === srclang.toLowerCase()) ?? tuvs.find((tuv) => primary(tuv.lang) === primary(srclang)));
    const targets = tuvs.filter((tuv) => tuv !== source);
    if (!source || source.text.trim() === '' || targets.length === 0) {
      skipped++;
      return;
    }
    const status = props.get(PROP.status);
    const docId = props.get(PROP.doc) || null;
    const segmentId = props.get(PROP.segment) || null;
    for (const target of targets) {
      if (target.text.trim() === '') {
        skipped++;
        continue;
      }
      units.push({
        source: source.text,
        target: target.text,
        sourceLang: source.lang,
        targetLang: target.lang,
        docId: docId && segmentId ? docId : null,
        segmentId: docId && segmentId ? segmentId : null,
        status: (UNIT_STATUSES as readonly string[]).includes(status ?? '') ? (status as UnitStatus) : 'translated',
        confirmedBy: tu.attrs.changeid ?? tu.attrs.creationid ?? null,
        confirmedAt: parseDate(tu.attrs.changedate) ?? parseDate(tu.attrs.creationdate) ?? now,
        context: props.get(PROP.context) || null,
      });
    }
  });
  return { units, skipped };
}

/** XML 1.0 has no place for most control characters: they are dropped. */
function escape(text: string, attribute = false): string {
  const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
  const escaped = clean.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return attribute ? escaped.replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;').replace(/\r/g, '&#13;') : escaped.replace(/\r/g, '&#13;');
}

export function writeTmx(units: readonly TmUnit[], sourceLang: string, version: string, now = Date.now()): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    `  <header creationtool="Tandem" creationtoolversion="${escape(version, true)}" segtype="sentence" o-tmf="Tandem" adminlang="en" srclang="${escape(sourceLang, true)}" datatype="plaintext" creationdate="${tmxDate(now)}"/>`,
    '  <body>',
  ];
  for (const unit of units) {
    const by = unit.confirmedBy ? ` changeid="${escape(unit.confirmedBy, true)}"` : '';
    lines.push(`    <tu tuid="${escape(unit.id, true)}" changedate="${tmxDate(unit.confirmedAt)}"${by}>`);
    lines.push(`      <prop type="${PROP.status}">${unit.status}</prop>`);
    if (unit.docId && unit.segmentId) {
      lines.push(`      <prop type="${PROP.doc}">${escape(unit.docId)}</prop>`);
      lines.push(`      <prop type="${PROP.segment}">${escape(unit.segmentId)}</prop>`);
    }
    if (unit.context) lines.push(`      <prop type="${PROP.context}">${escape(unit.context)}</prop>`);
    lines.push(`      <tuv xml:lang="${escape(unit.sourceLang, true)}"><seg>${escape(unit.source)}</seg></tuv>`);
    lines.push(`      <tuv xml:lang="${escape(unit.targetLang, true)}"><seg>${escape(unit.target)}</seg></tuv>`);
    lines.push('    </tu>');
  }
  lines.push('  </body>', '</tmx>', '');
  return lines.join('\n');
}
