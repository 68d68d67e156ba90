// The translation units of an XLIFF 2.0 or 1.2 file (SPEC 18.31), read by the XLIFF import's reader:
// one per unit whose state Tandem reads as translated, reviewed or approved (SPEC 12.5), with a
// source and a translation and not marked translate="no". The unit before gives the context.
import { ImportError } from '../../shared/import/errors.js';
import { LANGUAGE_TAG, normalizeLanguage } from '../../shared/import/language.js';
import { readXliff } from '../../shared/import/xliff-reader.js';
import { isUnitStatus, type TmUnitInput } from './memory-store.js';

function language(tag: string | undefined, side: string, attribute: string): string {
  const lang = normalizeLanguage(tag);
  if (!lang) throw new ImportError('bad_xliff', `the XLIFF file names no ${side} language (${attribute})`);
  if (!LANGUAGE_TAG.test(lang)) throw new ImportError('bad_xliff', `the XLIFF file's ${side} language "${lang}" is not a language tag such as en or bn-BD`);
  return lang;
}

export function parseXliffUnits(text: string, now = Date.now()): { units: TmUnitInput[]; skipped: number } {
  if (text.trim() === '') throw new ImportError('bad_xliff', 'the XLIFF file is empty');
  const file = readXliff(text);
  const two = file.version === '2.0';
  const sourceLang = language(file.sourceLang, 'source', two ? 'srcLang' : 'source-language');
  const targetLang = language(file.targetLang, 'target', two ? 'trgLang' : 'target-language');
  const units: TmUnitInput[] = [];
  let skipped = 0;
  let context: string | null = null;
  for (const unit of file.units) {
    const { source, target, state } = unit;
    const before = context;
    context = source.trim() === '' ? null : source;
    if (!isUnitStatus(state) || unit.omitted || source.trim() === '' || target.trim() === '') {
      skipped++;
      continue;
    }
    units.push({ source, target, sourceLang, targetLang, docId: null, segmentId: null, status: state, confirmedBy: null, confirmedAt: now, context: before });
  }
  return { units, skipped };
}
