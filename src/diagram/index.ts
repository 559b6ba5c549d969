export * from './er-graph.js';
export * from './mermaid.js';
export * from './svg.js';
export * from './layout.js';
