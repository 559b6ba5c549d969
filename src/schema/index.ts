export * from './model.js';
export * from './parse.js';
export * from './query.js';
export * from './load.js';
