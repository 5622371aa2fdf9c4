/**
 * Draw the Siklus icon and write the installer icon set into `resources/`:
 *   resources/icons/NxN.png  (16 … 512, the Linux icon set; electron-builder reads the sizes
 *                             from the file names)
 *   resources/icon.png       (512, the generic icon)
 *   resources/icon.ico       (16 … 256 for Windows: BMP entries up to 48 px, PNG above)
 *
 * `npx tsx src-main/dev/make-icons.ts`. No image library: a 4×4-supersampled rasteriser over
 * a few shapes and a PNG encoder over node:zlib. The output is deterministic; commit it.
 *
 * The picture: a teal rounded square, a white circular arrow (the life cycle, "siklus") around
 * a white health cross.
 */
import fs from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];

const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
const TOP: Rgba = [20, 145, 155, 255];
const BOTTOM: Rgba = [10, 104, 114, 255];
const WHITE: Rgba = [255, 255, 255, 255];

// ---- geometry, in unit coordinates (0..1, y down) -------------------------------------------

function inRoundedSquare(x: number, y: number): boolean {
  const inset = 0.035;
  const r = 0.2;
  const lo = inset + r;
  const hi = 1 - inset - r;
  const cx = Math.min(Math.max(x, lo), hi);
  const cy = Math.min(Math.max(y, lo), hi);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

const RING_INNER = 0.255;
const RING_OUTER = 0.335;
/** The arc's gap (where the arrow head sits), in degrees, clockwise from 3 o'clock. */
const GAP_FROM = -80;
const GAP_TO = -30;

function angleDeg(x: number, y: number): number {
  return (Math.atan2(y - 0.5, x - 0.5) * 180) / Math.PI;
}

function inRing(x: number, y: number): boolean {
  const d = Math.hypot(x - 0.5, y - 0.5);
  if (d < RING_INNER || d > RING_OUTER) return false;
  const a = angleDeg(x, y);
  return !(a > GAP_FROM && a < GAP_TO);
}

function inTriangle(
  x: number,
  y: number,
  [ax, ay]: [number, number],
  [bx, by]: [number, number],
  [cx, cy]: [number, number],
): boolean {
  const s1 = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
  const s2 = (cx - bx) * (y - by) - (cy - by) * (x - bx);
  const s3 = (ax - cx) * (y - cy) - (ay - cy) * (x - cx);
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
}

/** The arrow head at the arc's end (at GAP_FROM), pointing clockwise along the circle. */
const ARROW = (() => {
  const a = (GAP_FROM * Math.PI) / 180;
  const mid = (RING_INNER + RING_OUTER) / 2;
  const half = 0.095;
  const base: [number, number] = [0.5 + mid * Math.cos(a), 0.5 + mid * Math.sin(a)];
  const normal: [number, number] = [Math.cos(a), Math.sin(a)];
  // Clockwise on screen (y down) is increasing angle: tangent (-sin, cos).
  const tangent: [number, number] = [-Math.sin(a), Math.cos(a)];
  const back = 0.02;
  const length = 0.13;
  const b: [number, number] = [base[0] - tangent[0] * back, base[1] - tangent[1] * back];
  return {
    p1: [b[0] + normal[0] * half, b[1] + normal[1] * half] as [number, number],
    p2: [b[0] - normal[0] * half, b[1] - normal[1] * half] as [number, number],
    tip: [b[0] + tangent[0] * length, b[1] + tangent[1] * length] as [number, number],
  };
})();

function inCross(x: number, y: number): boolean {
  const arm = 0.15;
  const half = 0.05;
  const dx = Math.abs(x - 0.5);
  const dy = Math.abs(y - 0.5);
  return (dx <= half && dy <= arm) || (dy <= half && dx <= arm);
}

function inWhite(x: number, y: number): boolean {
  return inRing(x, y) || inTriangle(x, y, ARROW.p1, ARROW.p2, ARROW.tip) || inCross(x, y);
}

// ---- rasteriser ----------------------------------------------------------------------------

/** RGBA pixels, 4×4 supersampled; colour is premultiplied while averaging. */
export function render(size: number): Buffer {
  const out = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          if (!inRoundedSquare(x, y)) continue;
          const colour: Rgba = inWhite(x, y)
            ? WHITE
            : (TOP.map((t, i) => t + (BOTTOM[i]! - t) * y) as Rgba);
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 255;
        }
      }
      const samples = n * n;
      const o = (py * size + px) * 4;
      const coverage = a / samples;
      out[o] = coverage > 0 ? Math.round((r / samples) * (255 / coverage)) : 0;
      out[o + 1] = coverage > 0 ? Math.round((g / samples) * (255 / coverage)) : 0;
      out[o + 2] = coverage > 0 ? Math.round((b / samples) * (255 / coverage)) : 0;
      out[o + 3] = Math.round(coverage);
    }
  }
  return out;
}

// ---- PNG -----------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function encodePng(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- ICO -----------------------------------------------------------------------------------

/** A 32-bit BMP (DIB) icon entry: BGRA rows bottom-up, then an all-zero AND mask. */
function bmpEntry(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // XOR + AND masks
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4;
      pixels[to] = rgba[from + 2]!;
      pixels[to + 1] = rgba[from + 1]!;
      pixels[to + 2] = rgba[from]!;
      pixels[to + 3] = rgba[from + 3]!;
    }
  }
  const maskRow = Math.ceil(size / 32) * 4;
  return Buffer.concat([header, pixels, Buffer.alloc(maskRow * size)]);
}

export function encodeIco(images: { size: number; rgba: Buffer }[]): Buffer {
  const entries = images.map(({ size, rgba }) =>
    size <= 48 ? bmpEntry(size, rgba) : encodePng(size, rgba),
  );
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  const directory = Buffer.alloc(16 * images.length);
  let offset = 6 + directory.length;
  images.forEach(({ size }, i) => {
    const at = i * 16;
    directory[at] = size >= 256 ? 0 : size;
    directory[at + 1] = size >= 256 ? 0 : size;
    directory.writeUInt16LE(1, at + 4); // planes
    directory.writeUInt16LE(32, at + 6); // bits per pixel
    directory.writeUInt32LE(entries[i]!.length, at + 8);
    directory.writeUInt32LE(offset, at + 12);
    offset += entries[i]!.length;
  });
  return Buffer.concat([header, directory, ...entries]);
}

// ---- main ----------------------------------------------------------------------------------

function main(): void {
  const root = path.resolve(import.meta.dirname, '../..');
  const resources = path.join(root, 'resources');
  const iconsDir = path.join(resources, 'icons');
  fs.mkdirSync(iconsDir, { recursive: true });
  const rendered = new Map<number, Buffer>(PNG_SIZES.map((s) => [s, render(s)]));
  for (const size of PNG_SIZES) {
    fs.writeFileSync(
      path.join(iconsDir, `${size}x${size}.png`),
      encodePng(size, rendered.get(size)!),
    );
  }
  fs.writeFileSync(path.join(resources, 'icon.png'), encodePng(512, rendered.get(512)!));
  fs.writeFileSync(
    path.join(resources, 'icon.ico'),
    encodeIco(ICO_SIZES.map((size) => ({ size, rgba: rendered.get(size)! }))),
  );
  console.log(`Ikon ditulis ke ${path.relative(root, resources)}/ (${PNG_SIZES.join(', ')} px)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main();
}
