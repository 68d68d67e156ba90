import { describe, expect, it } from 'vitest';
import { parseGlossaryCsv, writeGlossaryCsv } from '../../../shared/glossary/csv.js';
import { guardFormula, unguardFormula } from '../../../shared/glossary/formula-guard.js';

const BOM = '\uFEFF';

describe('glossary CSV', () => {
  it('SPEC 13.3 every field round trips: quotes, commas, line ends, Bengali, bars in variants, spaces in notes, caseSensitive', () => {
    const entries = [
      { source: 'Salesforce', target: 'সেলসফোর্স', forbidden: ['সেলসফর্স', 'সেলস ফোর্স'], note: 'company, "brand"', caseSensitive: true },
      { source: 'ICE', target: 'আইসিই', caseSensitive: false },
      { source: 'Marc Benioff', target: 'মার্ক বেনিওফ', note: 'line one\nline two\r\nthree' },
      { source: 'A|B', target: 'এ|বি', forbidden: ['এ|বি test', 'C:\\path\\', '\\|'], note: '  indented, then a space ' },
    ];
    const csv = writeGlossaryCsv(entries);
    expect(csv.startsWith(`${BOM}source,target,forbidden,note,caseSensitive\r\n`)).toBe(true);
    expect(csv).toContain('\r\nSalesforce,সেলসফোর্স,সেলসফর্স|সেলস ফোর্স,"company, ""brand""",true\r\n');
    expect(csv).toContain('\r\nICE,আইসিই,,,false\r\n');
    expect(parseGlossaryCsv(csv)).toEqual(entries);
  });

  it('SPEC 13.3 reads files without a header or a BOM, with LF or CR line ends and blank lines; a header places the columns', () => {
    expect(parseGlossaryCsv('WIRED,ওয়্যার্ড,,\nCEO, সিইও ,প্রধান নির্বাহী | চিফ এক্সিকিউটিভ\r\r\n ,, \nDhaka,ঢাকা,,capital,yes\n')).toEqual([
      { source: 'WIRED', target: 'ওয়্যার্ড' },
      { source: 'CEO', target: 'সিইও', forbidden: ['প্রধান নির্বাহী', 'চিফ এক্সিকিউটিভ'] },
      { source: 'Dhaka', target: 'ঢাকা', note: 'capital', caseSensitive: true },
    ]);
    expect(parseGlossaryCsv(`${BOM}Note,Target,Owner,Source,CaseSensitive\r\nplace,ঢাকা,Rina,Dhaka,FALSE\r\n`)).toEqual([{ source: 'Dhaka', target: 'ঢাকা', note: 'place', caseSensitive: false }]);
    expect(parseGlossaryCsv('source,target\n5" screen,৫" পর্দা\n')).toEqual([{ source: '5" screen', target: '৫" পর্দা' }]);
    expect(parseGlossaryCsv(BOM)).toEqual([]);
  });

  it('SPEC 13.3 a row without target, an unclosed quote or a bad caseSensitive is refused, naming the line', () => {
    expect(() => parseGlossaryCsv('source,target\n\nonly-source,\n')).toThrow(/^line 3: source and target are required$/);
    expect(() => parseGlossaryCsv('source,target\n"open,x\n')).toThrow(/Quote Not Closed.*line 2/);
    expect(() => parseGlossaryCsv('source,target,forbidden,note,caseSensitive\nICE,আইসিই,,,sometimes\n')).toThrow(/^line 2: caseSensitive is true, false or empty, not "sometimes"$/);
  });

  it('SPEC 13.7 the export starts with a UTF-8 byte order mark; an import reads a file with one or without', () => {
    const csv = writeGlossaryCsv([{ source: 'Dhaka', target: 'ঢাকা' }]);
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parseGlossaryCsv(csv)).toEqual(parseGlossaryCsv(csv.slice(1)));
  });

  it('SPEC 13.7 a cell a spreadsheet would run as a formula is written after a quote, and read back as it was', () => {
    const risky = ['=HYPERLINK("http://x.example","click")', '+1', '-2', '@SUM(A1)', '\tx', '\rx', '＝1', '＋1', '－1', '＠x', "'=already", "''+twice"];
    for (const text of risky) {
      expect(guardFormula(text)).toBe(`'${text}`);
      expect(unguardFormula(guardFormula(text))).toBe(text);
    }
    for (const text of ['plain', "'quoted'", 'a=b', 'মার্ক', '']) expect(guardFormula(text)).toBe(text);
    expect(unguardFormula("'quoted'")).toBe("'quoted'");

    const entries = [
      { source: '=cmd|/C calc!A0', target: '+ধন', forbidden: ['-ঋণ', 'ঠিক'], note: '@owner: keep', caseSensitive: true },
      { source: "'=literal", target: 'আক্ষরিক', note: '\tTabbed note' },
    ];
    const csv = writeGlossaryCsv(entries);
    const rows = csv.slice(1).split('\r\n');
    expect(rows[1]).toBe(`'=cmd|/C calc!A0,'+ধন,'-ঋণ|ঠিক,'@owner: keep,true`);
    expect(rows[2]).toBe(`''=literal,আক্ষরিক,,'\tTabbed note,`);
    for (const row of rows) for (const cell of row.split(',')) expect(cell).not.toMatch(/^"?[=+\-@\t\r＝＋－＠]/);
    expect(parseGlossaryCsv(csv)).toEqual(entries);
  });
});
