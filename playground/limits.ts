/**
 * How big a sheet the playground holds: the engine is built with these limits,
 * and an import that would not fit is refused before anything is written.
 * A 100,000-row export and its header fit with room to add to it, and so does
 * a 250,000-account table for the territory designer (Salesforce Maps' largest).
 */
export const MAX_ROWS = 300_000;
export const MAX_COLUMNS = 200;
