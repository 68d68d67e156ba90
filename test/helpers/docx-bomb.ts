// A .docx that unpacks to far more than it weighs: its document.xml is one paragraph of `unpacked`
// letters, deflated to about a thousandth, in a zip of that one entry. `lying` writes a
// small unpacked size into its headers, as a hostile file would to slip past a check that trusts them.
import { crc32, deflateRawSync } from 'node:zlib';

export function docxBomb(unpacked: number, { lying = false } = {}): Buffer {
  const xml = Buffer.from(`<w:document><w:body><w:p><w:r><w:t>${'x'.repeat(unpacked)}</w:t></w:r></w:p></w:body></w:document>`);
  const data = deflateRawSync(xml, { level: 9 });
  const name = Buffer.from('word/document.xml');
  const size = lying ? 1000 : xml.length;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4); // version needed
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(crc32(xml), 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const entry = Buffer.alloc(46);
  entry.writeUInt32LE(0x02014b50, 0);
  entry.writeUInt16LE(20, 4);
  entry.writeUInt16LE(20, 6);
  entry.writeUInt16LE(8, 10);
  entry.writeUInt32LE(crc32(xml), 16);
  entry.writeUInt32LE(data.length, 20);
  entry.writeUInt32LE(size, 24);
  entry.writeUInt16LE(name.length, 28);
  entry.writeUInt32LE(0, 42); // the local header's offset
  const directoryAt = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(entry.length + name.length, 12);
  end.writeUInt32LE(directoryAt, 16);
  return Buffer.concat([local, name, data, entry, name, end]);
}
