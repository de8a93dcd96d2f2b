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
} as const;

export type MessageId = keyof typeof EN;
export type Catalog = Partial<Record<MessageId, string>>;
