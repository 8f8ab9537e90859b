/**
 * The report's sections by name, in the order every format shows them. Here on their own (not beside their
 * columns, io/write/reportSections.ts) so that `haze report --help` names them without loading the report's
 * writers: a command's definition loads nothing heavy (test/cli/startup.test.ts).
 */
export const SECTION_KEYS = ['coverage', 'violations', 'repeat_offenders', 'findings', 'unvisited', 'clues', 'clue_tally', 'visits', 'plans'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];
