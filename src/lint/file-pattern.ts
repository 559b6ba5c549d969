/**
 * Glob patterns for `lint.overrides[].files`: `*` (within a path segment), `**` (any depth),
 * `?` and `{a,b}`, matched against the end of the path at a folder boundary, so
 * `legacy/*.prisma` matches `prisma/legacy/old.prisma` and `*.prisma` matches every schema file.
 */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      if (end === -1) re += '\\{';
      else {
        re += `(?:${glob
          .slice(i + 1, end)
          .split(',')
          .map(escape)
          .join('|')})`;
        i = end;
      }
    } else re += escape(c);
  }
  return new RegExp(`(?:^|/)${re.replace(/^(?:\\\.\/)+/, '')}$`);
}

function escape(s: string): string {
  return s.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

export function matchesFilePatterns(file: string, patterns: readonly RegExp[]): boolean {
  const normalized = file.replace(/\\/g, '/');
  return patterns.some((p) => p.test(normalized));
}
