// Versions are read from the change codes and from git tags by `diff` too, so they live there
// (src/diff/version.ts): `release` builds on `diff`, never the other way round.
export * from '../diff/version.js';
