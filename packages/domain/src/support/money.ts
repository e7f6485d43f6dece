// Money is integer öre (1 krona = 100 öre), never a float: sums over a year of daily costs must come out to the
// öre every time, and the cost statement for the police must add up exactly (issue 7).

export type Ore = number;

/** Throws unless `value` is a whole number of öre that JavaScript represents exactly. */
export function assertOre(value: number): Ore {
  if (!Number.isSafeInteger(value)) throw new RangeError(`Money must be whole öre: ${value}`);
  return value;
}

export function sumOre(values: readonly Ore[]): Ore {
  let total = 0;
  for (const v of values) total += assertOre(v);
  return assertOre(total);
}

/** Whole kronor as öre: 3_500_000 kr → 350_000_000 öre. */
export function kronor(amount: number): Ore {
  return assertOre(Math.round(amount * 100));
}

/**
 * Parses an amount typed by a person: "1 234,50", "1234.5", "2 800" (kronor, Swedish or English decimal mark,
 * spaces as thousands separators). Never goes through a float: the digits are joined as a string of öre.
 * Returns null for anything that is not a plain amount with at most two decimals.
 */
export function parseKronor(text: string): Ore | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(/kr$/i, '');
  const match = /^(-?)(\d{1,13})(?:[.,](\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const ore = Number(`${match[2]}${(match[3] ?? '').padEnd(2, '0')}`);
  return match[1] === '-' ? -ore : ore;
}

/** Öre as a plain kronor string with two decimals ("1234.50"), for inputs and exports. */
export function oreToKronorString(ore: Ore): string {
  const abs = Math.abs(assertOre(ore));
  return `${ore < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** `amount × numerator / denominator`, rounded half up, exact for the sizes Utväg handles (bigint inside). */
export function mulDivRound(amount: Ore, numerator: number, denominator: number): Ore {
  const n = BigInt(assertOre(amount)) * BigInt(numerator);
  const d = BigInt(denominator);
  const q = n / d;
  const r = n % d;
  const half = 2n * (r < 0n ? -r : r) >= (d < 0n ? -d : d);
  const rounded = half ? q + (n < 0n !== d < 0n ? -1n : 1n) : q;
  return assertOre(Number(rounded));
}

/** `amount × numerator / denominator`, rounded down: cumulative shares that never overshoot the whole. */
export function mulDivFloor(amount: Ore, numerator: number, denominator: number): Ore {
  return assertOre(Number((BigInt(assertOre(amount)) * BigInt(numerator)) / BigInt(denominator)));
}
