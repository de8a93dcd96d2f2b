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

  // ---- workbook: files in and out, kept in the browser -----------------------
  'workbook.menu': 'Workbook',
  'workbook.open': 'Open…',
  'workbook.open.hint': 'Open a CSV or .xlsx file as new sheets (or drop it on the grid)',
  'workbook.download': 'Download .xlsx',
  'workbook.download.hint': 'Download the whole workbook as an Excel file',
  'workbook.new': 'New workbook',
  'workbook.new.hint': 'Start again from one empty sheet (you can undo this)',
  'workbook.restoreDemo': 'Restore demo data',
  'workbook.restoreDemo.hint': 'Put the demo sheets back in place of this workbook (you can undo this)',
  'workbook.undo': 'Undo',
  'workbook.dismiss': 'Dismiss',
  'workbook.drop': 'Drop a CSV or .xlsx file to open it as new sheets',
  'workbook.fileName': 'SalesOps workbook',
  'workbook.newSheet': 'Sheet1',
  'workbook.opening': 'Opening {file}…',
  'workbook.opened':
    '{count, plural, one {Opened {file} as sheet {sheets}} other {Opened {file} as # sheets: {sheets}}} ({rows, plural, one {# row} other {# rows}}).',
  'workbook.note.leftOut':
    '{before, plural, =0 {} one {Left out # title line above the table. } other {Left out # title lines above the table. }}{after, plural, =0 {} one {Left out # line below the table (“{label}”).} other {Left out # lines below the table (“{label}” and what follows).}}',
  'workbook.note.dayOrder':
    '{column}: every date fits both orders, so they are read as {order, select, dmy {day/month/year} other {month/day/year}}, {from, select, file {as in the file’s other dates} other {as dates written this way usually are}}.',
  'workbook.note.mixedCurrencies': '{column} mixes currencies ({currencies}): kept as text.',
  'workbook.note.percentHeader': '{column}: read as percentages, as its header says (10 is 10%).',
  'workbook.note.encoding': 'The file is not UTF-8: read as Windows-1252 text.',
  'workbook.error.empty': '{file} is empty: nothing was opened.',
  'workbook.error.tooManyRows': '{file} has {rows, number} rows; a sheet here holds up to {max, number}. Nothing was opened.',
  'workbook.error.tooManyColumns': '{file} has {columns, number} columns; a sheet here holds up to {max, number}. Nothing was opened.',
  'workbook.error.notTable': '{file} is not a CSV or .xlsx file: nothing was opened.',
  'workbook.error.oldExcel': '{file} is an old-style .xls workbook: save it as .xlsx or CSV in Excel, then open that.',
  'workbook.error.unreadable':
    '{row, select, none {{file} could not be read as a workbook} other {{file} could not be read: a quote opened in row {row} is never closed}}. Nothing was opened.',
  'workbook.error.generic': '{file} could not be opened. Nothing was changed.',
  'workbook.downloading': 'Preparing the .xlsx…',
  'workbook.downloaded': 'Downloaded {file}.',
  'workbook.downloadFailed': 'The .xlsx could not be made. Your workbook is unchanged.',
  'workbook.newDone': 'Started a new workbook.',
  'workbook.demoDone': 'The demo data is back.',
  'workbook.undone': 'Your previous workbook is back.',
  'workbook.saveFailed': 'This browser did not keep your latest changes: download the workbook to keep them.',
  'workbook.noStorage': 'This browser does not let the page keep the workbook: download it to keep your work.',
  'workbook.unreadableSaved':
    'The workbook saved in this browser could not be read, so the demo is open instead. The saved data is kept as “{key}”.',
} as const;

export type MessageId = keyof typeof EN;
export type Catalog = Partial<Record<MessageId, string>>;
