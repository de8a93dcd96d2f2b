/**
 * The territory designer's template: accounts from a table, balanced across a
 * number of territories or named reps. The sidebar runs scenarios (runScenario)
 * and compares them; Insert writes the chosen one, which the host plans again
 * from the request: the engine is deterministic, so it is the same assignment.
 */
import type { TemplateDefinition } from '../index';
import { TERRITORY_FIELDS } from './fields';
import { accountsOf, runScenario, valuesOf } from './scenario';
import { TERRITORY_SHEET_NAME, buildTerritorySheet } from './sheet';
import { territoryRules } from './validate';

export const TERRITORY_TEMPLATE: TemplateDefinition = {
  id: 'territory',
  title: 'template.territory.title',
  description: 'template.territory.description',
  insertLabel: 'template.territory.insert',
  sheetName: TERRITORY_SHEET_NAME,
  fields: TERRITORY_FIELDS,
  check: (values) => territoryRules(valuesOf(values)),
  plan: (values, words) => buildTerritorySheet(valuesOf(values), runScenario(values), words).sheet,
  // One sheet row per account.
  insertedRows: (values) => accountsOf(valuesOf(values)).length,
};
