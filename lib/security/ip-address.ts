import { isIP } from "node:net";

/**
 * Decides whether the server may connect to an address. Everything that is not plainly on
 * the public internet is refused: private and shared (CGNAT) ranges, loopback, link-local
 * (cloud metadata at 169.254.169.254), multicast, documentation and reserved blocks, and
 * IPv6 forms that can smuggle an IPv4 address (mapped, NAT64, 6to4, Teredo).
 */
export type AddressClass = "public" | "loopback" | "blocked";

const BLOCKED_V4: ReadonlyArray<[string, number]> = [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // CGNAT
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
];

export function classifyAddress(address: string): AddressClass {
  const family = isIP(address);
  if (family === 4) return classifyV4(address);
  if (family === 6) return classifyV6(address);
  return "blocked";
}

function classifyV4(address: string): AddressClass {
  const value = v4ToNumber(address);
  if (inV4(value, "127.0.0.0", 8)) return "loopback";
  return BLOCKED_V4.some(([base, bits]) => inV4(value, base, bits)) ? "blocked" : "public";
}

function classifyV6(address: string): AddressClass {
  const words = expandV6(address);
  if (!words) return "blocked";
  const [w0 = 0, w1 = 0] = words;
  const allZeroUntil = (n: number) => words.slice(0, n).every((w) => w === 0);
  if (allZeroUntil(7) && words[7] === 1) return "loopback"; // ::1
  if (allZeroUntil(8)) return "blocked"; // ::
  if (allZeroUntil(5) && words[5] === 0xffff) return "blocked"; // ::ffff:a.b.c.d mapped
  if (allZeroUntil(6)) return "blocked"; // ::a.b.c.d compatible (deprecated)
  if (w0 === 0x64 && w1 === 0xff9b) return "blocked"; // NAT64
  if (w0 === 0x2002) return "blocked"; // 6to4
  if (w0 === 0x2001 && w1 === 0) return "blocked"; // Teredo
  if (w0 === 0x2001 && w1 === 0xdb8) return "blocked"; // documentation
  if (w0 === 0x100 && allZeroUntil(4)) return "blocked"; // discard-only
  if ((w0 & 0xfe00) === 0xfc00) return "blocked"; // ULA fc00::/7
  if ((w0 & 0xffc0) === 0xfe80) return "blocked"; // link-local fe80::/10
  if ((w0 & 0xffc0) === 0xfec0) return "blocked"; // site-local (deprecated)
  if ((w0 & 0xff00) === 0xff00) return "blocked"; // multicast
  return "public";
}

function v4ToNumber(address: string): number {
  return address.split(".").reduce((acc, part) => acc * 256 + Number(part), 0);
}

function inV4(value: number, base: string, bits: number): boolean {
  const size = 2 ** (32 - bits);
  const start = v4ToNumber(base);
  return value >= start && value < start + size;
}

/** Eight 16-bit words, or null when the text is not a plain IPv6 address. */
function expandV6(address: string): number[] | null {
  let text = address.toLowerCase();
  if (text.includes("%")) return null; // zone ids: link-local by definition
  const v4Tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4Tail?.[1]) {
    const n = v4ToNumber(v4Tail[1]);
    text = `${text.slice(0, -v4Tail[1].length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head = "", tail, extra] = text.split("::");
  if (extra !== undefined) return null;
  const headWords = head === "" ? [] : head.split(":");
  const tailWords = tail === undefined || tail === "" ? [] : tail.split(":");
  const missing = 8 - headWords.length - tailWords.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  const all = [
    ...headWords,
    ...Array<string>(tail === undefined ? 0 : missing).fill("0"),
    ...tailWords,
  ];
  const words = all.map((word) =>
    /^[0-9a-f]{1,4}$/.test(word) ? Number.parseInt(word, 16) : Number.NaN,
  );
  return words.some(Number.isNaN) ? null : words;
}
