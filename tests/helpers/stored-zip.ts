// A minimal zip writer for tests: stub Electron zips (stored, Unix modes kept) and hand-built .xlsx files, including
// hostile ones (deflate streams prepared elsewhere, sizes that lie).
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Buffer;
  /** Unix mode, e.g. 0o100755 for an executable file */
  mode?: number;
  /** Deflate the data (default: stored). */
  deflate?: boolean;
  /** An already deflated stream stored as this entry (a bomb built without inflating it first). */
  deflated?: Buffer;
  /** The uncompressed size the directory claims (a lie, for hostile tests). */
  declaredSize?: number;
}

export function storedZip(entries: ZipEntry[]): Buffer {
  return writeZip(entries);
}

export function writeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const { name, data, mode = 0o100644 } = entry;
    const payload = entry.deflated ?? (entry.deflate ? deflateRawSync(data) : data);
    const method = entry.deflated || entry.deflate ? 8 : 0;
    const size = entry.declaredSize ?? data.length;
    const fileName = Buffer.from(name, 'utf8');
    const crc = entry.deflated ? 0 : crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(payload.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, so the mode below is honoured
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(payload.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE((mode << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, payload);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + payload.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
