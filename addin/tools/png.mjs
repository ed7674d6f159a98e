// Draws the app icons as PNG files without image tools: a white shield on the brand colour
// (color icon) or a white shield outline on transparent (Teams outline icon, 32×32).
import { deflateSync } from "node:zlib";

const CRC_TABLE = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

function crc32(buf) {
  let c = -1;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** Inside-the-shield test in unit coordinates (0..1). */
function inShield(x, y) {
  if (y < 0.15 || y > 0.9 || x < 0.2 || x > 0.8) return false;
  if (y < 0.55) return true;
  const half = 0.3 * Math.sqrt(Math.max(0, 1 - ((y - 0.55) / 0.35) ** 2));
  return Math.abs(x - 0.5) <= half;
}

export function iconPng(size, kind) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const stroke = 1.6 / size;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const u = (x + 0.5) / size, v = (y + 0.5) / size;
      const o = y * (size * 4 + 1) + 1 + x * 4;
      let rgba;
      if (kind === "outline") {
        const edge = inShield(u, v) && !(inShield(u - stroke, v) && inShield(u + stroke, v) && inShield(u, v - stroke) && inShield(u, v + stroke));
        rgba = edge ? [255, 255, 255, 255] : [0, 0, 0, 0];
      } else {
        const check = Math.abs(v - (u < 0.47 ? 0.5 + (u - 0.36) : 0.61 - (u - 0.47) * 1.3)) < 0.045 && u > 0.34 && u < 0.66;
        rgba = inShield(u, v) ? (check ? [15, 108, 189, 255] : [255, 255, 255, 255]) : [15, 108, 189, 255];
      }
      raw[o] = rgba[0]; raw[o + 1] = rgba[1]; raw[o + 2] = rgba[2]; raw[o + 3] = rgba[3];
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Reads width, height and colour type back from a PNG (used by the manifest tests). */
export function pngInfo(buf) {
  if (buf.subarray(0, 8).toString("hex") !== "89504e470d0a1a0a") throw new Error("not a PNG");
  if (buf.subarray(12, 16).toString("ascii") !== "IHDR") throw new Error("PNG without IHDR");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20), bitDepth: buf[24], colorType: buf[25] };
}
