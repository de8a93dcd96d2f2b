export { TERRITORY_TEMPLATE } from './template';
export { TERRITORY_FIELDS, TERRITORY_LIMITS } from './fields';
export { type ScenarioResult, type TerritoryValues, runScenario } from './scenario';
export { TERRITORY_PROBLEM_CODES } from './validate';
export { type TerritorySheetCells, buildTerritorySheet, measureNames } from './sheet';
