export * from './generate-on-change.js';
export * from './watch.js';
