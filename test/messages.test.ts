/** The UI message catalog: every message parses, values fill in, the language picks number formats and plural rules. */
import { IntlMessageFormat } from 'intl-messageformat';
import { EN, type MessageId } from '../ui/catalog/en';
import { currentLocale, formatNumber, setLocale, text } from '../ui/messages';

afterEach(() => setLocale('en'));

describe('the message catalog', () => {
  it.each(Object.keys(EN) as MessageId[])('%s is a valid ICU message', (id) => {
    expect(() => new IntlMessageFormat(EN[id], 'en')).not.toThrow();
    expect(EN[id].trim()).not.toBe('');
  });

  it('fills in values and keeps quotes around them', () => {
    expect(text('sidebar.inHost', { host: 'Excel' })).toBe('in Excel');
    expect(text('sidebar.templates.inserted', { name: "Q1 'plan'" })).toBe("Inserted sheet 'Q1 'plan''");
  });

  it('follows the language it is given, and falls back to English for one it has no catalog for', () => {
    setLocale('de-DE');
    expect(currentLocale()).toBe('de-DE');
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(text('sidebar.tab.functions')).toBe('Functions');
    setLocale('not a language!');
    expect(currentLocale()).toBe('en');
    expect(formatNumber(1234.5)).toBe('1,234.5');
  });

  it('plural rules come from the language: Polish has few and many forms', () => {
    const rows = '{n, plural, one {# wiersz} few {# wiersze} many {# wierszy} other {# wiersza}}';
    expect([1, 3, 5, 22].map((n) => new IntlMessageFormat(rows, 'pl').format({ n }))).toEqual(['1 wiersz', '3 wiersze', '5 wierszy', '22 wiersze']);
  });
});
