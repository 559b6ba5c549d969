export * from './collect.js';
export * from './history.js';
export * from './text.js';
export * from './types.js';
