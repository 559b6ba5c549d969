export * from './find-schema.js';
export * from './init.js';
export * from './plan.js';
