export * from './config.js';
export * from './markers.js';
export * from './markdown.js';
export * from './project.js';
export * from './reference.js';
export * from './update.js';
