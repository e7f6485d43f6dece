import { describe, expect, it } from 'vitest';
import { assertOre, kronor, mulDivFloor, mulDivRound, oreToKronorString, parseKronor, sumOre } from './money.ts';

describe('money in öre', () => {
  it('parses amounts as people type them, without floats', () => {
    expect(parseKronor('2 800')).toBe(280_000);
    expect(parseKronor('1 234,50')).toBe(123_450);
    expect(parseKronor('1234.5')).toBe(123_450);
    expect(parseKronor('0,07')).toBe(7);
    expect(parseKronor('3\u00a0500\u00a0000 kr')).toBe(350_000_000);
    expect(parseKronor('-10')).toBe(-1000);
    // 0.1 + 0.2 style traps: the digits are joined as text, never multiplied as a float.
    expect(parseKronor('1.15')).toBe(115);
    expect(parseKronor('4.35')).toBe(435);
  });
  it('refuses what is not a plain amount', () => {
    for (const bad of ['', 'abc', '1,234', '1.2.3', '12,345', '1e5', 'NaN', '--1', ' , ']) expect(parseKronor(bad)).toBeNull();
  });
  it('formats öre back as kronor with two decimals', () => {
    expect(oreToKronorString(123_450)).toBe('1234.50');
    expect(oreToKronorString(-5)).toBe('-0.05');
    expect(oreToKronorString(0)).toBe('0.00');
  });
  it('refuses fractions of an öre', () => {
    expect(() => assertOre(1.5)).toThrow(RangeError);
    expect(() => sumOre([1, 0.5])).toThrow(RangeError);
    expect(kronor(3_500_000)).toBe(350_000_000);
  });
  it('rounds shares half up and floors cumulative shares', () => {
    expect(mulDivRound(100, 1, 3)).toBe(33);
    expect(mulDivRound(100, 2, 3)).toBe(67);
    expect(mulDivRound(5, 1, 2)).toBe(3);
    expect(mulDivRound(-5, 1, 2)).toBe(-3);
    expect(mulDivFloor(100, 2, 3)).toBe(66);
    // Large amounts stay exact (bigint inside).
    expect(mulDivRound(900_000_000_000_000, 2500, 10_000)).toBe(225_000_000_000_000);
  });
});
