export * from './types.js';
export * from './define.js';
export * from './load.js';
export { ConfigProblems } from './check-value.js';
export type { ConfigSections, SectionValidator } from './sections.js';
