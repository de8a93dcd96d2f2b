/**
 * Every string the sidebar, the task pane and the playground show, in English,
 * keyed by id. Messages use ICU MessageFormat: `{count, plural, one {# row}
 * other {# rows}}`, `{name}`. Another language is a file like this one with the
 * same ids (any it leaves out fall back to English); no component changes.
 * Keep ids grouped by where they show: sidebar.*, playground.*, workbook.*.
 */
export const EN = {
  'product.name': 'SalesOps Formulas',

  // ---- sidebar --------------------------------------------------------------
  'sidebar.inHost': 'in {host}',
  'sidebar.sections': 'Sidebar sections',
  'sidebar.tab.templates': 'Templates',
  'sidebar.tab.functions': 'Functions',
  'sidebar.functions.filter': 'Filter functions',
  'sidebar.functions.none': 'No function matches.',
  'sidebar.templates.lead': 'Each template goes to a new sheet, so nothing you typed is overwritten.',
  'sidebar.templates.inserting': 'Inserting…',
  // A quote is written twice in a message: '' shows as '.
  'sidebar.templates.inserted': "Inserted sheet ''{name}''",
  'sidebar.error.generic': 'Something went wrong. Please try again.',

  // ---- templates ------------------------------------------------------------
  'template.examples.insert': 'Insert examples sheet',

  // ---- demo -----------------------------------------------------------------
  // Labels and notes the demo workbook writes beside its figures. Sheet names,
  // column headers and CRM values are data, as an export would have them.
  'demo.summary.title': 'Sales summary, {quarter}',
  'demo.summary.lead': 'Every figure here is a live formula over the Deals sheet: change a deal, a quota or a rate on Settings and it recalculates.',
  'demo.summary.asOf': 'Data as of',
  'demo.summary.team': 'Team, {quarter}',
  'demo.summary.teamAttainment': 'Team attainment',
  'demo.summary.repsAtQuota': 'Reps at or above quota',
  'demo.summary.forecastAccuracy': 'Forecast accuracy (1 − WAPE)',
  'demo.summary.winRate': 'Win rate, closed deals',
  'demo.summary.avgDeal': 'Average won deal',
  'demo.summary.salesCycle': 'Sales cycle, won deals (days)',
  'demo.summary.weightedQuarter': 'Weighted pipeline, {quarter}',
  'demo.summary.weightedAll': 'Weighted pipeline, all open',
  'demo.summary.coverage': 'Coverage of {quarter} quota (×)',
  'demo.summary.territoryBalance': 'Region balance (0% = even)',
  'demo.summary.funnel': 'Stage funnel, by furthest stage',
  'demo.summary.rollup': 'Forecast roll-up',
  'demo.settings.nextQuota': '{quarter} team quota',
  'demo.export.winRate': 'Win rate',
  'demo.export.weighted': 'Weighted open pipeline',
  'demo.export.avgDeal': 'Average won deal',
  'demo.export.salesCycle': 'Sales cycle, won deals (days)',
  'demo.salesforce.title': 'A Salesforce opportunity report as it comes (West).',
  'demo.salesforce.untidy': 'Untidy as exports are: "Closed Won " with a space, blank Types.',
  'demo.hubspot.title': 'A HubSpot deals export as it comes (EMEA).',
  'demo.hubspot.stages': 'Stage ids like closedwon; their probabilities are on Settings.',
  'demo.hubspot.blankAmount': '↑ On purpose: the deal in row {row} has no Amount.',
  'demo.hubspot.blankAmountFix': 'The error names {cell} rather than count it as 0: type an amount there.',
} as const;

export type MessageId = keyof typeof EN;
export type Catalog = Partial<Record<MessageId, string>>;
