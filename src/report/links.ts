import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * The report's link targets, made for where the report is written: relative to the output
 * file's folder, or under `linkBase` (e.g. https://github.com/o/r/blob/main) when given. Pure.
 */
export function reportLinks(cwd: string, output: string, linkBase?: string) {
  const outDir = dirname(resolve(cwd, output));
  const base = linkBase?.replace(/\/$/, '');
  const fromCwd = (file: string) => (isAbsolute(file) ? relative(cwd, file) : file).split(sep).join('/');
  const toTarget = (pathFromCwd: string) => (base ? `${base}/${pathFromCwd}` : relative(outDir, resolve(cwd, pathFromCwd)).split(sep).join('/'));
  return {
    /** A file (from the project root) at a line. */
    link: (file: string, line: number): string => `${toTarget(fromCwd(file))}#L${line}`,
    /** A link written in `writtenIn` (relative to its folder); absolute URLs and #anchors are kept. */
    href: (target: string, writtenIn: string): string => {
      if (/^([a-z][a-z0-9+.-]*:|#|\/\/)/i.test(target)) return target;
      const i = target.indexOf('#');
      const [path, hash] = i < 0 ? [target, ''] : [target.slice(0, i), target.slice(i)];
      const resolved = relative(cwd, resolve(cwd, dirname(fromCwd(writtenIn)), safeDecode(path)))
        .split(sep)
        .join('/');
      return `${encodeURI(toTarget(resolved))}${hash}`;
    },
  };
}

function safeDecode(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
