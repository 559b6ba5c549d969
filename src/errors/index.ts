export * from './exit-codes.js';
export * from './steward-error.js';
