/**
 * PGlite's in-memory data directory written to a tar file without copying it. PGlite's own
 * `dumpDataDir()` copies every file into an array, then into a tarball, then into a Blob: for a
 * long history's 50-75 MB data directory that is ~300 MB at once, the peak of a whole `check`.
 * Here each file's bytes go from the in-memory file system (Emscripten's MEMFS, `Module.FS`)
 * straight to the file stream, behind a 512-byte ustar header, in the layout `dumpDataDir` writes
 * and `loadDataDir` reads (paths relative to the data directory, with a leading slash).
 * Written by hand: it is PGlite's own tar layout over PGlite's own file system, ~50 lines.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** The parts of Emscripten's FS this uses. */
interface EmscriptenFs {
  readdir(path: string): string[];
  stat(path: string): { mode: number; size: number; mtime: Date | number };
  isDir(mode: number): boolean;
  isFile(mode: number): boolean;
  lookupPath(path: string): { node: { contents?: unknown; usedBytes?: number } };
  readFile(path: string, options: { encoding: 'binary' }): Uint8Array;
}

/** Where PGlite keeps its data directory in its file system. */
const DATA_DIR = '/pglite/data';

export async function writeDataDirTar(module: { FS: EmscriptenFs }, file: string): Promise<void> {
  const fs = module.FS;
  const out = createWriteStream(file);
  const write = async (chunk: Uint8Array) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  const walk = async (dir: string): Promise<void> => {
    for (const name of fs.readdir(dir)) {
      if (name === '.' || name === '..') continue;
      const path = `${dir}/${name}`;
      const stat = fs.stat(path);
      const isFile = fs.isFile(stat.mode);
      const data = isFile ? fileBytes(fs, path) : new Uint8Array(0);
      await write(header(path.slice(DATA_DIR.length), stat.mode, data.length, stat.mtime, isFile ? '0' : '5'));
      if (data.length > 0) {
        await write(data);
        if (data.length % 512 !== 0) await write(new Uint8Array(512 - (data.length % 512)));
      }
      if (fs.isDir(stat.mode)) await walk(path);
    }
  };
  try {
    await walk(DATA_DIR);
    await write(new Uint8Array(1024)); // end of archive
    out.end();
    await once(out, 'finish');
  } catch (error) {
    out.destroy();
    throw error;
  }
}

/** The file's bytes as MEMFS holds them (a view, no copy); a copy only for another file system. */
function fileBytes(fs: EmscriptenFs, path: string): Uint8Array {
  const { node } = fs.lookupPath(path);
  if (node.contents instanceof Uint8Array && typeof node.usedBytes === 'number') return node.contents.subarray(0, node.usedBytes);
  return fs.readFile(path, { encoding: 'binary' });
}

function header(name: string, mode: number, size: number, mtime: Date | number, type: '0' | '5'): Uint8Array {
  const block = new Uint8Array(512);
  const put = (text: string, offset: number, length: number) => block.set(new TextEncoder().encode(text).subarray(0, length), offset);
  const octal = (value: number, length: number) => value.toString(8).padStart(length - 1, '0') + '\0';
  const seconds = Math.floor((mtime instanceof Date ? mtime.getTime() : mtime) / 1000);
  if (name.length > 100) throw new Error(`PGlite data file name too long for tar: ${name}`);
  put(name, 0, 100);
  put(octal(mode & 0o7777, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(Math.max(0, seconds), 12), 136, 12);
  put('        ', 148, 8);
  put(type, 156, 1);
  put('ustar\u000000', 257, 8);
  let sum = 0;
  for (const byte of block) sum += byte;
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
  return block;
}
