/**
 * What the run says about how it formatted the files, where that is not simply the project's own
 * installed formatter (a Biome run through npx, or none to run): one line each, for the summary.
 * A module of its own so that the summary reads it without loading the formatters.
 */
export const formattingNotes = new Set<string>();
