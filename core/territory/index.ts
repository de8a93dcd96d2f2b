export { assignTerritories } from './assign';
export { DEFAULT_BUDGET, DEFAULT_TOLERANCE, type TerritoryProblem, type TerritoryResult } from './problem';
