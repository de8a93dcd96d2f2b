/**
 * The playground's demo workbook looks like a real org: attainment spread from
 * about 30% to 160%, a funnel that narrows stage by stage, open deals closing
 * after the data's as-of date, CRM spellings and the untidy cells real exports
 * have, a Salesforce and a HubSpot export, and every formula computing. The
 * workbook is evaluated in HyperFormula through the playground's Workbook, and
 * each promise is checked against figures the test works out from the raw cells.
 */
import fc from 'fast-check';
import { type CellValue, type Matrix, serialFromYmd } from '../core/values';
import { cellName } from '../core/a1';
import { AS_OF, FUNNEL, demoData } from '../playground/demo-data';
import { demoSheets } from '../playground/demo';
import { Workbook } from '../playground/workbook';
import { text } from '../ui/messages';

function demoWorkbook(): Workbook {
  const workbook = new Workbook();
  workbook.insertPlans(demoSheets());
  return workbook;
}

const workbook = demoWorkbook();

/** Every value of a sheet, as the engine computed it. */
function sheetValues(book: Workbook, name: string): Matrix {
  const id = book.sheetId(name);
  const { rows, cols } = book.extent(id);
  return book.values(id, { top: 0, left: 0, bottom: rows - 1, right: cols - 1 });
}

/** The cells under a header, down to the end of its table (a row empty in column A and in this column). */
function column(book: Workbook, sheet: string, header: string, headerRow = 0): CellValue[] {
  const values = sheetValues(book, sheet);
  const col = values[headerRow].indexOf(header);
  if (col < 0) throw new Error(`${sheet} has no column "${header}"`);
  const rows: CellValue[] = [];
  for (let r = headerRow + 1; r < values.length && (values[r][0] !== null || values[r][col] !== null); r++) rows.push(values[r][col]);
  return rows;
}

/** The value to the right of a label, wherever the label is on the sheet. */
function besideLabel(book: Workbook, sheet: string, label: string): CellValue {
  for (const row of sheetValues(book, sheet)) {
    const col = row.indexOf(label);
    if (col >= 0) return row[col + 1];
  }
  throw new Error(`${sheet} has no label "${label}"`);
}

const trimmed = (value: CellValue) => (typeof value === 'string' ? value.trim() : value);
const isClosed = (stage: CellValue) => trimmed(stage) === 'Closed Won' || trimmed(stage) === 'Closed Lost';

/** The Deals sheet, read by its headers. */
function rawDeals(book: Workbook) {
  const get = (header: string) => column(book, 'Deals', header);
  const [owner, region, amount, stage, furthest, created, close] = [
    'Owner', 'Region', 'Amount', 'Stage', 'Furthest stage', 'Created', 'Close date',
  ].map(get);
  return owner.map((_, i) => ({
    owner: owner[i] as string,
    region: region[i] as string,
    amount: amount[i] as number,
    stage: stage[i] as string,
    furthest: furthest[i] as string,
    created: created[i] as number,
    close: close[i] as number,
  }));
}

const deals = rawDeals(workbook);
const asOf = besideLabel(workbook, 'Summary', text('demo.summary.asOf')) as number;
/** Stage → probability, as the Settings sheet lists them. */
const probabilities = new Map(
  column(workbook, 'Settings', 'Stage').map((stage, i) => [stage as string, column(workbook, 'Settings', 'Probability')[i] as number]),
);

describe('the demo workbook', () => {
  it('has a summary to land on, the deals, settings, and a Salesforce and a HubSpot export', () => {
    expect(workbook.sheetNames()).toEqual(['Summary', 'Deals', 'Settings', 'Salesforce export', 'HubSpot export']);
    expect(deals.length).toBeGreaterThanOrEqual(300);
  });

  it('is the same on every run: it comes from a fixed seed', () => {
    expect(demoSheets()).toEqual(demoSheets());
    expect(sheetValues(demoWorkbook(), 'Deals')).toEqual(sheetValues(workbook, 'Deals'));
    expect(demoData(1)).not.toEqual(demoData());
  });

  it('spreads attainment from about 30% to 160%, with some reps near quota, and the sheet shows each one', () => {
    const reps = column(workbook, 'Summary', 'Rep', 2) as string[];
    const quotas = column(workbook, 'Summary', 'Quota', 2) as number[];
    const shown = column(workbook, 'Summary', 'Attainment', 2) as number[];
    expect(reps.length).toBeGreaterThanOrEqual(8);
    const attainment = reps.map((rep, i) => {
      let won = 0;
      for (const deal of deals) if (deal.owner.trim() === rep && trimmed(deal.stage) === 'Closed Won') won += deal.amount;
      return won / quotas[i];
    });
    attainment.forEach((value, i) => expect(shown[i]).toBeCloseTo(value, 12));
    expect(Math.min(...attainment)).toBeGreaterThanOrEqual(0.25);
    expect(Math.min(...attainment)).toBeLessThanOrEqual(0.35);
    expect(Math.max(...attainment)).toBeGreaterThanOrEqual(1.5);
    expect(Math.max(...attainment)).toBeLessThanOrEqual(1.7);
    expect(attainment.filter((value) => value >= 0.9 && value <= 1.1).length).toBeGreaterThanOrEqual(2);
    // Neither everyone at quota nor no one: a spread.
    expect(attainment.filter((value) => value >= 1).length).toBeGreaterThanOrEqual(2);
    expect(attainment.filter((value) => value < 1).length).toBeGreaterThanOrEqual(3);
  });

  it('gives each deal a furthest stage, so STAGE_CONVERSION shows a funnel that narrows at every stage', () => {
    const order = column(workbook, 'Settings', 'Stage').slice(0, 5) as string[];
    expect(order).toEqual(['Prospecting', 'Qualification', 'Proposal', 'Negotiation', 'Closed Won']);
    const reached = order.map((_, k) => deals.filter((deal) => order.indexOf(trimmed(deal.furthest) as string) >= k).length);
    expect(reached[0]).toBe(deals.length);
    for (let k = 1; k < reached.length; k++) expect(reached[k]).toBeLessThan(reached[k - 1]);
    // Every deal that closed won went all the way; no lost deal did.
    for (const deal of deals) {
      if (trimmed(deal.stage) === 'Closed Won') expect(deal.furthest).toBe('Closed Won');
      if (trimmed(deal.stage) === 'Closed Lost') expect(deal.furthest).not.toBe('Closed Won');
    }
    const summary = sheetValues(workbook, 'Summary');
    const top = summary.findIndex((row) => row[0] === 'Stage' && row[1] === 'Reached');
    expect(summary.slice(top + 1, top + 1 + order.length).map((row) => [row[0], row[1]])).toEqual(order.map((stage, k) => [stage, reached[k]]));
  });

  it('has open deals closing after the as-of date, and closed deals closed on or before it', () => {
    expect(asOf).toBe(serialFromYmd(2026, 10, 1));
    const open = deals.filter((deal) => !isClosed(deal.stage));
    const closed = deals.filter((deal) => isClosed(deal.stage));
    expect(open.length).toBeGreaterThanOrEqual(100);
    expect(closed.length).toBeGreaterThanOrEqual(100);
    for (const deal of open) expect(deal.close).toBeGreaterThan(asOf);
    for (const deal of closed) expect(deal.close).toBeLessThanOrEqual(asOf);
    for (const deal of deals) expect(deal.created).toBeLessThan(deal.close);
    // Some of the open pipeline closes this coming quarter, some later.
    const quarterEnd = serialFromYmd(2026, 12, 31);
    expect(open.filter((deal) => deal.close <= quarterEnd).length).toBeGreaterThan(20);
    expect(open.filter((deal) => deal.close > quarterEnd).length).toBeGreaterThan(20);
  });

  it('writes outcomes as the CRMs spell them: "Closed Won" and "Closed Lost", closedwon and closedlost', () => {
    const stages = new Set(deals.map((deal) => deal.stage));
    expect([...stages].filter((stage) => /^Closed (?:Won|Lost)$/.test(stage)).sort()).toEqual(['Closed Lost', 'Closed Won']);
    const hubspot = new Set(column(workbook, 'HubSpot export', 'Deal Stage'));
    for (const id of ['closedwon', 'closedlost', 'appointmentscheduled', 'qualifiedtobuy']) expect(hubspot.has(id)).toBe(true);
  });

  it('has the untidy cells a real export has: trailing spaces, "Closed Won " and a blank', () => {
    const endsInSpace = (values: CellValue[]) => values.filter((value) => typeof value === 'string' && value !== value.trimEnd());
    expect(endsInSpace(deals.map((deal) => deal.stage)).length).toBeGreaterThanOrEqual(1);
    expect(endsInSpace(column(workbook, 'Salesforce export', 'Stage'))).toContain('Closed Won ');
    expect(endsInSpace(column(workbook, 'Salesforce export', 'Opportunity Owner')).length).toBeGreaterThanOrEqual(1);
    expect(endsInSpace(column(workbook, 'HubSpot export', 'Deal owner')).length).toBeGreaterThanOrEqual(1);
    expect(column(workbook, 'Salesforce export', 'Type').filter((value) => value === null).length).toBeGreaterThanOrEqual(1);
    expect(column(workbook, 'HubSpot export', 'Amount').filter((value) => value === null)).toHaveLength(1);
  });

  it('has a Salesforce opportunity report and a HubSpot deals export in the CRMs own column names', () => {
    const headers = (sheet: string) => sheetValues(workbook, sheet)[0].filter((value) => value !== null).slice(0, 8);
    expect(headers('Salesforce export')).toEqual(
      expect.arrayContaining(['Opportunity Name', 'Account Name', 'Amount', 'Close Date', 'Stage', 'Probability (%)', 'Opportunity Owner']),
    );
    expect(headers('HubSpot export')).toEqual(['Record ID', 'Deal Name', 'Deal Stage', 'Amount', 'Close Date', 'Deal owner', 'Pipeline', 'Create Date']);
    expect(new Set(column(workbook, 'HubSpot export', 'Pipeline'))).toEqual(new Set(['Sales Pipeline']));
    // Salesforce's probability goes with its stage, trailing spaces or not.
    const stages = column(workbook, 'Salesforce export', 'Stage');
    column(workbook, 'Salesforce export', 'Probability (%)').forEach((p, i) => expect(p).toBe(probabilities.get(trimmed(stages[i]) as string)));
  });

  it("shows the team's win rate, weighted pipeline and forecast accuracy as worked out from the raw cells", () => {
    const label = (id: Parameters<typeof text>[0]) => besideLabel(workbook, 'Summary', text(id, { quarter: 'Q4 2026' }));
    const won = deals.filter((deal) => trimmed(deal.stage) === 'Closed Won');
    const lost = deals.filter((deal) => trimmed(deal.stage) === 'Closed Lost');
    expect(label('demo.summary.winRate')).toBeCloseTo(won.length / (won.length + lost.length), 12);
    expect(label('demo.summary.winRate')).toBeGreaterThan(0.15);
    expect(label('demo.summary.winRate')).toBeLessThan(0.5);

    const weighted = (until: number) =>
      deals
        .filter((deal) => deal.close >= asOf && deal.close <= until)
        .reduce((sum, deal) => sum + deal.amount * probabilities.get(deal.stage.trim())!, 0);
    expect(label('demo.summary.weightedAll')).toBeCloseTo(weighted(Infinity), 6);
    expect(label('demo.summary.weightedQuarter')).toBeCloseTo(weighted(serialFromYmd(2026, 12, 31)), 6);

    const closedWon = column(workbook, 'Summary', 'Closed won', 2) as number[];
    const forecasts = column(workbook, 'Summary', 'Forecast', 2) as number[];
    const misses = closedWon.reduce((sum, actual, i) => sum + Math.abs(actual - forecasts[i]), 0);
    const total = closedWon.reduce((sum, actual) => sum + actual, 0);
    expect(label('demo.summary.forecastAccuracy')).toBeCloseTo(1 - misses / total, 12);
  });

  it('pays commission on the plan in Settings: 8% to quota, 12% to 125%, 15% beyond', () => {
    const quotas = column(workbook, 'Summary', 'Quota', 2) as number[];
    const closedWon = column(workbook, 'Summary', 'Closed won', 2) as number[];
    const shown = column(workbook, 'Summary', 'Commission', 2) as number[];
    closedWon.forEach((won, i) => {
      const q = quotas[i];
      const expected = Math.min(won, q) * 0.08 + Math.max(0, Math.min(won, 1.25 * q) - q) * 0.12 + Math.max(0, won - 1.25 * q) * 0.15;
      expect(shown[i]).toBeCloseTo(expected, 6);
    });
  });

  it('computes every formula; the one error, on the HubSpot export, is there on purpose and explained beside it', () => {
    const errors: string[] = [];
    for (const name of workbook.sheetNames()) {
      const id = workbook.sheetId(name);
      const { rows, cols } = workbook.extent(id);
      for (let row = 0; row < rows; row++) {
        for (let col = 0; col < cols; col++) {
          const view = workbook.view(id, { row, col });
          if (view.kind === 'error') errors.push(`${name}!${cellName({ row, col })} ${view.text} ${view.message}`);
        }
      }
    }
    const amounts = column(workbook, 'HubSpot export', 'Amount');
    const blank = `D${amounts.indexOf(null) + 2}`;
    expect(errors).toEqual([`HubSpot export!K6 #VALUE! amounts is blank in ${blank} while the row has other values`]);
    // The two lines under the error say it is deliberate and how to clear it.
    const hubspot = sheetValues(workbook, 'HubSpot export');
    expect(hubspot[6][9]).toEqual(expect.stringMatching(new RegExp(`^↑ On purpose: the deal in row ${amounts.indexOf(null) + 2} `)));
    expect(hubspot[7][9]).toEqual(expect.stringContaining(`names ${blank}`));
    expect(hubspot[7][9]).toEqual(expect.stringContaining('type an amount there'));

    // And it is what the note says: fill the cell in and the weighted pipeline appears.
    const fixed = demoWorkbook();
    const sheet = fixed.sheetId('HubSpot export');
    fixed.setCell(sheet, { row: amounts.indexOf(null) + 1, col: 3 }, '50000');
    const hubspotProbability = new Map(
      column(fixed, 'Settings', 'HubSpot deal stage').map((id, i) => [id, column(fixed, 'Settings', 'HubSpot probability')[i] as number]),
    );
    const stages = column(fixed, 'HubSpot export', 'Deal Stage');
    const closes = column(fixed, 'HubSpot export', 'Close Date') as number[];
    const expected = column(fixed, 'HubSpot export', 'Amount').reduce<number>(
      (sum, amount, i) => (closes[i] >= asOf ? sum + (amount as number) * hubspotProbability.get(stages[i])! : sum),
      0,
    );
    expect(expected).toBeGreaterThan(0);
    expect(fixed.values(sheet, { top: 5, left: 10, bottom: 5, right: 10 })[0][0]).toBeCloseTo(expected, 6);
  });
});

describe('the demo generator, for any seed', () => {
  it('keeps its promises: attainment spread, a narrowing funnel, open deals after the as-of date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => {
        const { reps, deals } = demoData(seed);
        const attainment = reps.map(
          (rep) => deals.filter((d) => d.owner === rep.name && d.stage === 'Closed Won').reduce((sum, d) => sum + d.amount, 0) / rep.quota,
        );
        expect(Math.min(...attainment)).toBeGreaterThanOrEqual(0.25);
        expect(Math.min(...attainment)).toBeLessThanOrEqual(0.36);
        expect(Math.max(...attainment)).toBeGreaterThanOrEqual(1.5);
        expect(Math.max(...attainment)).toBeLessThanOrEqual(1.65);
        const reached = FUNNEL.map((_, k) => deals.filter((d) => FUNNEL.indexOf(d.furthest) >= k).length);
        for (let k = 1; k < reached.length; k++) expect(reached[k]).toBeLessThan(reached[k - 1]);
        for (const deal of deals) {
          const open = deal.stage !== 'Closed Won' && deal.stage !== 'Closed Lost';
          expect(open ? deal.close > AS_OF : deal.close < AS_OF).toBe(true);
          expect(deal.amount).toBeGreaterThan(0);
        }
      }),
      { numRuns: 30 },
    );
  });
});
