export * from './types.js';
export * from './define.js';
export * from './load.js';
export { ConfigProblems } from './check-value.js';
export { CONFIG_SECTIONS, type SectionValidator } from './sections.js';
