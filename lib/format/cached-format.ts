type Format = Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat;

const cache = new Map<string, Format>();

/**
 * An Intl formatter built once per key (its language and options) in this process or tab:
 * building one costs far more than using it. A module of its own so that usd.ts and
 * date-time.ts stay small for the pages that count their first-load bytes.
 */
export function cachedFormat<T extends Format>(key: string, make: () => T): T {
  let format = cache.get(key) as T | undefined;
  if (!format) {
    format = make();
    cache.set(key, format);
  }
  return format;
}
