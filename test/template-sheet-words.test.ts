/**
 * Every word a template writes into its sheet comes from the UI catalog, so a
 * catalog in another language words the inserted sheets with no change to core.
 */
import { type SheetPlan, type SheetWords, planTemplate } from '../core/templates';
import { defaultValues } from '../core/templates/fields';
import { COMMISSION_TEMPLATE } from '../core/templates/commission/template';
import { EN } from '../ui/catalog/en';
import { isMessageId } from '../ui/messages';
import { sheetWords } from '../ui/sheet-words';
import { EXAMPLE_ACCOUNT_NAMES } from '../core/templates/territory/scenario';
import { ACCOUNT_NAMES, REP_NAMES, TERRITORY_REPS, everyTemplateSheet, sheetWordIds } from './support/template-sheets';

/** Every piece of text a plan puts before the user: its name, its text cells, its charts' titles. */
function textsOf(plan: SheetPlan): string[] {
  const cells = plan.cells.flat().filter((cell): cell is string => typeof cell === 'string');
  const charts = (plan.charts ?? []).flatMap((chart) => [chart.title, chart.xTitle ?? '', chart.yTitle ?? '', ...chart.series.map((s) => s.name)]);
  return [plan.name, ...cells, ...charts];
}

/** Data a template writes as it is: rep names, and the examples sheet's sample reps, deals and stages. */
const DATA = new Set<string>([
  ...REP_NAMES,
  // The commission form's example reps.
  'Ana Ortiz', 'Ben Okafor', 'Chen Wei', 'Dana Kowalska', 'Eli Tanaka', 'Farah Müller',
  // The examples sheet's sample reps, deals and CRM stages.
  'Ana Silva', 'Dana Ruiz', 'Acme Corp', 'Globex', 'Initech', 'Umbrella Co', 'Stark Industries',
  'Discovery', 'Qualified', 'Proposal', 'Negotiation', 'Closed Won',
  // The territory designer's example accounts and reps.
  ...EXAMPLE_ACCOUNT_NAMES, ...ACCOUNT_NAMES, ...TERRITORY_REPS,
]);

describe('the words templates write into their sheets', () => {
  const written = sheetWordIds();

  it('are all catalog messages, in its "template sheets" section, and that section has no word no template writes', () => {
    expect([...written].filter((id) => !isMessageId(id))).toEqual([]);
    const section = Object.keys(EN).filter((id) => id.startsWith('templateSheet.'));
    expect([...written].sort()).toEqual(section.sort());
  });

  it('are the only text a template writes besides data: no English literal is left in core', () => {
    const marked: SheetWords = (id) => `⟦${id}⟧`;
    const leftover = everyTemplateSheet(marked)
      .flatMap(textsOf)
      .filter((text) => !DATA.has(text))
      // A label is catalog words, numbers and the punctuation that joins them ("Tier 2", "Q2 month 1", "Commission plan: Flat rate").
      .filter((text) => text.replace(/⟦[^⟦⟧]*⟧/gu, '').replace(/[\d\s:]/gu, '') !== '');
    expect([...new Set(leftover)]).toEqual([]);
  });

  it('read today’s English from the catalog', () => {
    const plan = planTemplate({ ...defaultValues(COMMISSION_TEMPLATE.fields), template: 'commission', kind: 'marginal', periods: 'quarterly' }, sheetWords);
    const cells = plan.cells.flat();
    expect(plan.name).toBe('Commission plan');
    expect(cells).toEqual(expect.arrayContaining(['Commission plan: Tiered, marginal (each slice earns its tier’s rate)', 'Tier 1', 'Tier 2', 'Q1 month 1', 'Q1 month 3', 'Total']));
    expect(plan.charts?.[0]).toMatchObject({ title: 'Payout by attainment', xTitle: 'Attainment', yTitle: 'Payout' });
  });

  it('follow another catalog, numbered labels included, with no change to the template', () => {
    const german: Record<string, string> = {
      'templateSheet.commission.name': 'Provisionsplan',
      'templateSheet.commission.tier': 'Stufe',
      'templateSheet.commission.quarter': 'Q',
      'templateSheet.commission.quarter.month': 'Monat',
      'templateSheet.commission.total': 'Summe',
    };
    const words: SheetWords = (id) => german[id] ?? sheetWords(id);
    const plan = planTemplate({ ...defaultValues(COMMISSION_TEMPLATE.fields), template: 'commission', kind: 'marginal', periods: 'quarterly' }, words);
    expect(plan.name).toBe('Provisionsplan');
    expect(plan.cells.flat()).toEqual(expect.arrayContaining(['Stufe 1', 'Stufe 2', 'Q1 Monat 3', 'Summe']));
    expect(plan.cells.flat()).not.toContain('Tier 1');
  });

  it('refuse an id the catalog lacks, naming it, rather than writing the id into the sheet', () => {
    expect(() => sheetWords('templateSheet.commission.noSuchWord')).toThrow(
      'The UI catalog has no message templateSheet.commission.noSuchWord, which a template writes into its sheet',
    );
  });
});
