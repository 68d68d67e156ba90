// What the New-article dialog sends (SPEC 6, SPEC 12.5, 12.9): pasted text or Markdown, an XLIFF
// file (languages optional: the file's are the default), or a Word draft with an optional source.
import type { NewArticle } from '../app/api.js';
import type { ImportedFile } from './import-file.js';

export interface NewArticleForm {
  title: string;
  sourceLang: string;
  targetLang: string;
  format: 'text' | 'markdown';
  source: string;
  target: string;
  file: ImportedFile | null;
  /** Fill empty drafts from the translation memory (SPEC 18.8). */
  pretranslate?: boolean;
}

/** The request body, or what is missing. */
export function newArticleBody(form: NewArticleForm): NewArticle | string {
  const body = bodyOf(form);
  return typeof body === 'string' || !form.pretranslate ? body : { ...body, pretranslate: true };
}

function bodyOf(form: NewArticleForm): NewArticle | string {
  const title = form.title.trim() ? { title: form.title.trim() } : {};
  const lang = (field: 'sourceLang' | 'targetLang') => (form[field].trim() ? { [field]: form[field].trim() } : {});
  const source = form.source.trim() ? { source: form.source } : {};
  if (form.file?.kind === 'xliff') return { ...title, format: 'xliff', content: form.file.content, ...lang('sourceLang'), ...lang('targetLang') };
  if (form.file?.kind === 'docx') return { ...title, format: 'docx', content: form.file.content, sourceLang: form.sourceLang.trim(), targetLang: form.targetLang.trim(), ...source };
  if (!form.source.trim() && !form.target.trim()) return 'Paste or drop a source, a draft translation, or both.';
  return {
    ...title,
    sourceLang: form.sourceLang.trim(),
    targetLang: form.targetLang.trim(),
    format: form.format,
    ...source,
    ...(form.target.trim() ? { target: form.target } : {}),
  };
}
