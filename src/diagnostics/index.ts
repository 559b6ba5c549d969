export * from './diagnostic.js';
export * from './style.js';
export * from './reporters/index.js';
export * from './fix-kind.js';
