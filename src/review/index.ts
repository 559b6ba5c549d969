export * from './collect.js';
export * from './markdown.js';
export * from './new-findings.js';
export * from './touched-diagram.js';
