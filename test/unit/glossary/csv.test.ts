import { describe, expect, it } from 'vitest';
import { parseGlossaryCsv, writeGlossaryCsv } from '../../../shared/glossary/csv.js';

describe('glossary CSV', () => {
  it('SPEC 13.3 round trips entries with quotes, commas, newlines and Bengali', () => {
    const entries = [
      { source: 'Salesforce', target: 'সেলসফোর্স', forbidden: ['সেলসফর্স', 'সেলস ফোর্স'], note: 'company, "brand"' },
      { source: 'ICE', target: 'আইসিই' },
      { source: 'Marc Benioff', target: 'মার্ক বেনিওফ', note: 'line one\nline two' },
    ];
    const csv = writeGlossaryCsv(entries);
    expect(csv.startsWith('source,target,forbidden,note\r\n')).toBe(true);
    expect(parseGlossaryCsv(csv)).toEqual(entries);
  });

  it('SPEC 13.3 reads files without a header, with a BOM and LF line ends; refuses rows without target', () => {
    expect(parseGlossaryCsv('\uFEFFWIRED,ওয়্যার্ড,,\nCEO,সিইও,প্রধান নির্বাহী|চিফ এক্সিকিউটিভ\n\n')).toEqual([
      { source: 'WIRED', target: 'ওয়্যার্ড' },
      { source: 'CEO', target: 'সিইও', forbidden: ['প্রধান নির্বাহী', 'চিফ এক্সিকিউটিভ'] },
    ]);
    expect(() => parseGlossaryCsv('source,target\nonly-source,\n')).toThrow(/row 1/);
    expect(() => parseGlossaryCsv('"open,x\n')).toThrow(/not closed/);
  });
});
