export * from './collect.js';
export * from './data.js';
export * from './html.js';
export * from './trend-svg.js';
export * from './links.js';
