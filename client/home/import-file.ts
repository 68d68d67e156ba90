// Files the New-article dialog sends whole to the server: XLIFF (its text; the languages, unit and
// note counts read here to prefill the form and describe the file) and Word (.docx, in base64).
export interface ImportedFile {
  kind: 'xliff' | 'docx';
  name: string;
  content: string;
  units?: number;
  /** Notes of units with text: each becomes a comment thread (SPEC 12.5). */
  notes?: number;
  sourceLang?: string;
  targetLang?: string;
}

export const isXliff = (name: string) => /\.(xlf|xliff)$/i.test(name);
export const isDocx = (name: string) => /\.docx$/i.test(name);

function base64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The languages, unit and note counts of an XLIFF 2.0 or 1.2 file; null when it is no XLIFF at all. */
export function xliffFacts(text: string): Pick<ImportedFile, 'units' | 'notes' | 'sourceLang' | 'targetLang'> | null {
  const xml = new DOMParser().parseFromString(text, 'application/xml');
  const root = xml.documentElement;
  if (xml.getElementsByTagName('parsererror').length > 0 || root.localName !== 'xliff') return null;
  const file = xml.getElementsByTagNameNS('*', 'file')[0];
  const lang = (value: string | null | undefined) => value?.trim() || undefined;
  return {
    units: xml.getElementsByTagNameNS('*', 'unit').length || xml.getElementsByTagNameNS('*', 'trans-unit').length,
    notes: [...xml.getElementsByTagNameNS('*', 'note')].filter((note) => note.closest('unit, trans-unit') && note.textContent?.trim()).length,
    sourceLang: lang(root.getAttribute('srcLang') ?? file?.getAttribute('source-language')),
    targetLang: lang(root.getAttribute('trgLang') ?? file?.getAttribute('target-language')),
  };
}

/** Reads an .xlf/.xliff or .docx file; answers a problem to show instead when it cannot be used. */
export async function readImportFile(file: File): Promise<ImportedFile | string> {
  if (isDocx(file.name)) return { kind: 'docx', name: file.name, content: base64(await file.arrayBuffer()) };
  const content = await file.text();
  const facts = xliffFacts(content);
  if (!facts) return `${file.name} is not an XLIFF file.`;
  if (facts.units === 0) return `${file.name} holds no translation units.`;
  return { kind: 'xliff', name: file.name, content, ...facts };
}
