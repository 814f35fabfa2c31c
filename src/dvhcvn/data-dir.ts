/**
 * Where the dvhcvn/20250701 dataset sits by default: the shared data folder beside the repository
 * (`../shared/data/dvhcvn-20250701` from the working directory), as the CLI's `--dir` default.
 */
import { resolve } from 'node:path';

export const DEFAULT_DVHCVN_DIR = '../shared/data/dvhcvn-20250701';

/** The dataset directory: the one given, else `DVHCVN_DIR`, else {@link DEFAULT_DVHCVN_DIR}, from `cwd`. */
export function resolveDvhcvnDir(dir: string | undefined, cwd: string = process.cwd(), env: Readonly<Record<string, string | undefined>> = process.env): string {
  return resolve(cwd, dir ?? env.DVHCVN_DIR ?? DEFAULT_DVHCVN_DIR);
}
