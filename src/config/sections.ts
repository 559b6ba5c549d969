import type { ConfigProblems } from './check-value.js';

/**
 * A configuration section owned by a capability (lint, audit, ...): the capability validates its
 * own section. The config layer knows no capability; the composition root
 * (src/compose/sections.ts) lists them and hands them to loadConfig. A key that is neither a
 * core key nor a given section is an error.
 */
export type SectionValidator = (value: unknown, problems: ConfigProblems, path: string) => void;

/** Section validators by top-level key. */
export type ConfigSections = Readonly<Record<string, SectionValidator>>;
