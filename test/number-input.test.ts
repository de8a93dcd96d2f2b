/** Numbers typed into the sidebar's fields, in the user's language. */
import { parseLocalNumber, percentText } from '../ui/number-input';

describe('numbers typed into a form field', () => {
  it.each([
    ['en-US', '1,250.5', 1250.5],
    ['en-US', '$250,000', 250000],
    ['en-US', '12.5%', 0.125],
    ['de-DE', '1.250,5', 1250.5],
    ['de-DE', '12,5', 12.5],
    ['de-DE', '250.000 €', 250000],
    ['pl-PL', '1 250,5', 1250.5],
    ['pl-PL', '12,5', 12.5],
    ['ja-JP', '¥250,000', 250000],
    ['zh-CN', '12.5', 12.5],
  ])('%s reads %s as %d', (locale, typed, expected) => {
    expect(parseLocalNumber(typed, locale)).toBeCloseTo(expected, 10);
  });

  it('refuses what it would have to guess at, and calls empty text empty', () => {
    expect(parseLocalNumber('12,5', 'en-US')).toBeUndefined();
    expect(parseLocalNumber('1,25,000', 'en-US')).toBeUndefined();
    expect(parseLocalNumber('12 %x', 'en-US')).toBeUndefined();
    expect(parseLocalNumber('abc', 'de-DE')).toBeUndefined();
    expect(parseLocalNumber('   ', 'de-DE')).toBeNull();
    expect(parseLocalNumber(`1${'0'.repeat(50_000)}x`, 'en-US')).toBeUndefined();
  });

  it('writes a fraction back as the percentage the user typed', () => {
    expect(percentText(0.125, 'en-US')).toBe('12.5');
    expect(percentText(0.125, 'de-DE')).toBe('12,5');
    expect(percentText(1.15, 'en-US')).toBe('115');
    expect(percentText(0.07, 'en-US')).toBe('7');
  });
});
