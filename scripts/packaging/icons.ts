// Application icons from resources/icon.svg: PNGs for Linux and a multi-size ICO for Windows.
// Written here instead of using electron-builder's converter, which downloads an extra tool bundle
// (icons-bundle.tar.gz) at build time, and no SVG library is among our dependencies. The icon is made of
// rectangles only, so a rectangle rasteriser plus PNG/ICO encoders (zlib from Node) is all it takes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

export interface Image {
  size: number;
  /** size × size RGBA, straight alpha, rows top to bottom */
  rgba: Uint8Array;
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
  rx: number;
  fill: [number, number, number];
}

/** Windows picks among these; 256 is stored as PNG, the small ones as BMP (what every ICO reader accepts). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 256];
/** Linux hicolor sizes (electron-builder reads NxN.png from the folder). */
export const PNG_SIZES = [16, 32, 48, 64, 128, 256, 512];

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

function parseIcon(svg: string): { viewSize: number; rects: Rect[] } {
  const viewBox = /viewBox="0 0 (\d+(?:\.\d+)?) \1"/.exec(svg);
  if (!viewBox) throw new Error('icon.svg 需要正方形 viewBox="0 0 N N"');
  const rects: Rect[] = [];
  const body = svg.replace(/<!--[\s\S]*?-->/g, '');
  for (const [tag, name] of body.matchAll(/<\/?([a-zA-Z]+)[^>]*>/g)) {
    if (name === 'svg') continue;
    if (name !== 'rect') throw new Error(`icon.svg 只能使用 <rect>（图标生成器不支持 <${name}>）`);
    const number = (key: string, fallback?: number): number => {
      const value = attribute(tag, key);
      if (value === undefined && fallback !== undefined) return fallback;
      const parsed = Number(value);
      if (!Number.isFinite(parsed)) throw new Error(`icon.svg: <rect> 缺少数值属性 ${key}: ${tag}`);
      return parsed;
    };
    const fill = /^#([0-9a-f]{6})$/i.exec(attribute(tag, 'fill') ?? '');
    if (!fill?.[1]) throw new Error(`icon.svg: <rect> 的 fill 必须是 #rrggbb: ${tag}`);
    const hex = Number.parseInt(fill[1], 16);
    rects.push({
      x: number('x', 0),
      y: number('y', 0),
      width: number('width'),
      height: number('height'),
      rx: number('rx', 0),
      fill: [(hex >> 16) & 255, (hex >> 8) & 255, hex & 255],
    });
  }
  return { viewSize: Number(viewBox[1]), rects };
}

function insideRounded(r: Rect, u: number, v: number): boolean {
  if (u < r.x || u > r.x + r.width || v < r.y || v > r.y + r.height) return false;
  const dx = u - Math.min(Math.max(u, r.x + r.rx), r.x + r.width - r.rx);
  const dy = v - Math.min(Math.max(v, r.y + r.rx), r.y + r.height - r.rx);
  return dx * dx + dy * dy <= r.rx * r.rx;
}

/** Fraction of pixel (px, py) covered by the rectangle, in pixel units; corners are supersampled. */
function coverage(r: Rect, px: number, py: number): number {
  const overlap = (a: number, b: number, lo: number) => Math.max(0, Math.min(b, lo + 1) - Math.max(a, lo));
  const plain = overlap(r.x, r.x + r.width, px) * overlap(r.y, r.y + r.height, py);
  if (plain === 0 || r.rx === 0) return plain;
  const nearX = px < r.x + r.rx || px + 1 > r.x + r.width - r.rx;
  const nearY = py < r.y + r.rx || py + 1 > r.y + r.height - r.rx;
  if (!nearX || !nearY) return plain;
  const n = 16;
  let hits = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (insideRounded(r, px + (i + 0.5) / n, py + (j + 0.5) / n)) hits++;
  return hits / (n * n);
}

/** Rasterises the icon at size × size pixels (source-over, premultiplied while painting). */
export function renderIcon(svg: string, size: number): Image {
  const { viewSize, rects } = parseIcon(svg);
  const scale = size / viewSize;
  const acc = new Float64Array(size * size * 4);
  for (const source of rects) {
    const r = { ...source, x: source.x * scale, y: source.y * scale, width: source.width * scale, height: source.height * scale, rx: source.rx * scale };
    for (let py = Math.max(0, Math.floor(r.y)); py < Math.min(size, Math.ceil(r.y + r.height)); py++) {
      for (let px = Math.max(0, Math.floor(r.x)); px < Math.min(size, Math.ceil(r.x + r.width)); px++) {
        const a = coverage(r, px, py);
        if (a === 0) continue;
        const at = (py * size + px) * 4;
        for (let c = 0; c < 3; c++) acc[at + c] = (r.fill[c]! / 255) * a + acc[at + c]! * (1 - a);
        acc[at + 3] = a + acc[at + 3]! * (1 - a);
      }
    }
  }
  const rgba = new Uint8Array(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    const alpha = acc[i * 4 + 3]!;
    for (let c = 0; c < 3; c++) rgba[i * 4 + c] = alpha === 0 ? 0 : Math.round((acc[i * 4 + c]! / alpha) * 255);
    rgba[i * 4 + 3] = Math.round(alpha * 255);
  }
  return { size, rgba };
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export function encodePng({ size, rgba }: Image): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1)); // each row: filter byte 0, then pixels
  for (let y = 0; y < size; y++) rows.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** 32-bit DIB as stored in ICO files: BITMAPINFOHEADER (double height), BGRA rows bottom-up, empty AND mask. */
function encodeDib({ size, rgba }: Image): Buffer {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8);
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4;
      pixels.set([rgba[from + 2]!, rgba[from + 1]!, rgba[from]!, rgba[from + 3]!], to);
    }
  }
  const mask = Buffer.alloc(Math.ceil(size / 32) * 4 * size);
  return Buffer.concat([header, pixels, mask]);
}

export function encodeIco(images: Image[]): Buffer {
  const blobs = images.map((image) => (image.size >= 256 ? encodePng(image) : encodeDib(image)));
  const head = Buffer.alloc(6 + 16 * images.length);
  head.writeUInt16LE(1, 2);
  head.writeUInt16LE(images.length, 4);
  let offset = head.length;
  images.forEach((image, i) => {
    const at = 6 + 16 * i;
    head.writeUInt8(image.size >= 256 ? 0 : image.size, at); // 0 means 256
    head.writeUInt8(image.size >= 256 ? 0 : image.size, at + 1);
    head.writeUInt16LE(1, at + 4);
    head.writeUInt16LE(32, at + 6);
    head.writeUInt32LE(blobs[i]!.length, at + 8);
    head.writeUInt32LE(offset, at + 12);
    offset += blobs[i]!.length;
  });
  return Buffer.concat([head, ...blobs]);
}

export interface IconFiles {
  ico: string;
  /** folder of NxN.png for Linux */
  pngDir: string;
  png512: string;
}

/** Writes icon.ico, icon.png (512) and icons/NxN.png into outDir. */
export function writeIcons(svgPath: string, outDir: string): IconFiles {
  const svg = readFileSync(svgPath, 'utf8');
  const pngDir = join(outDir, 'icons');
  mkdirSync(pngDir, { recursive: true });
  for (const size of PNG_SIZES) writeFileSync(join(pngDir, `${size}x${size}.png`), encodePng(renderIcon(svg, size)));
  const png512 = join(outDir, 'icon.png');
  writeFileSync(png512, encodePng(renderIcon(svg, 512)));
  const ico = join(outDir, 'icon.ico');
  writeFileSync(ico, encodeIco(ICO_SIZES.map((size) => renderIcon(svg, size))));
  return { ico, pngDir, png512 };
}
