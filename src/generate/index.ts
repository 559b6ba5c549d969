export * from './annotations.js';
export * from './capabilities.js';
export * from './changes.js';
export * from './generate.js';
export * from './header.js';
export * from './prisma-config.js';
export * from './transform.js';
