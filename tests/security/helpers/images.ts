import { deflateSync } from "node:zlib";

/** A real, decodable PNG of the given size (grey), or one that lies about its size. */
export function makePng(
  width: number,
  height: number,
  options: { claim?: [number, number] } = {},
): Buffer {
  const [claimW, claimH] = options.claim ?? [width, height];
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(claimW, 0);
  ihdr.writeUInt32BE(claimH, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A minimal JPEG skeleton: SOI, an SOF0 with the given size, and optionally the EOI. */
export function makeJpeg(width: number, height: number, withEnd = true): Buffer {
  const sof = Buffer.from([
    0xff,
    0xc0,
    0x00,
    0x11,
    0x08,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    0x03,
    1,
    0x22,
    0,
    2,
    0x11,
    1,
    3,
    0x11,
    1,
  ]);
  const app0 = Buffer.from([
    0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
  ]);
  const body = Buffer.alloc(64, 0x11);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    app0,
    sof,
    body,
    withEnd ? Buffer.from([0xff, 0xd9]) : Buffer.alloc(0),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const crc = Buffer.alloc(4); // not checked by the inspector; decoders would refuse it anyway
  return Buffer.concat([length, Buffer.from(type, "latin1"), data, crc]);
}
