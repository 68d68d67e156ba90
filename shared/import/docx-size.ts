// How much a .docx unpacks to, checked before mammoth reads it (SPEC 12.9): deflate unpacks to up to
// a thousand times its size, which mammoth would hold in memory whole, several times over. Each entry
// is inflated against what is left of the budget, so a file that lies about its sizes is caught too.
import { inflateRawSync } from 'node:zlib';
import { ImportError } from './errors.js';

/** What a Word draft may unpack to: a long article with its images, far below what a bomb gives. */
export const MAX_DOCX_UNPACKED_BYTES = 64 * 1024 * 1024;

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

const notADocx = (why: string) => new ImportError('bad_docx', `not a Word document (.docx): ${why}`);

function endOfDirectory(zip: Buffer): number {
  // The record is 22 bytes, followed by a comment of at most 65535.
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  throw notADocx('no zip directory');
}

/** Throws ImportError `too_large` once the entries unpack to more than `limit` bytes. */
export function checkUnpackedSize(zip: Buffer, limit = MAX_DOCX_UNPACKED_BYTES): void {
  const end = endOfDirectory(zip);
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  let left = limit;
  const tooLarge = () => new ImportError('too_large', `the Word document unpacks to more than ${limit} bytes`);
  try {
    for (let i = 0; i < entries; i++) {
      if (zip.readUInt32LE(at) !== DIRECTORY_ENTRY) throw notADocx('a broken zip directory');
      const method = zip.readUInt16LE(at + 10);
      const packed = zip.readUInt32LE(at + 20);
      const local = zip.readUInt32LE(at + 42);
      at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
      if (zip.readUInt32LE(local) !== LOCAL_HEADER) throw notADocx('a broken zip entry');
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + packed);
      if (method === STORED) left -= data.length;
      else if (method === DEFLATED) left -= inflateRawSync(data, { maxOutputLength: Math.max(left, 1) }).length;
      else throw notADocx(`zip compression method ${method}`);
      if (left < 0) throw tooLarge();
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
    throw notADocx((error as Error).message);
  }
}
