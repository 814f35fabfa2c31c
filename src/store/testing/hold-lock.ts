/**
 * A second process for the lock tests (src/store/lock.test.ts, src/store/store.db.test.ts). Test-only.
 *
 *   node --import tsx hold-lock.ts DIR hold   take the lock, print "ready", wait to be killed
 *   node --import tsx hold-lock.ts DIR exit   take the lock, print "ready", exit without releasing
 *   node --import tsx hold-lock.ts DIR try    try to take it; exit 3 printing the message when locked
 *   node --import tsx hold-lock.ts DIR open   open the PGlite store in DIR; exit 3 printing the message when locked
 */
import { openStore } from '../db.ts';
import { StoreLockedError } from '../errors.ts';
import { acquireDataDirLock } from '../lock.ts';

const [dir, mode] = process.argv.slice(2);
if (!dir || !mode) throw new Error('usage: hold-lock.ts DIR hold|exit|try|open');

try {
  if (mode === 'open') {
    const store = await openStore({ dataDir: dir });
    console.log('ready');
    await store.close();
  } else {
    acquireDataDirLock(dir);
    console.log('ready');
    // 'hold': a pending timer keeps the process alive until it is killed.
    if (mode === 'hold') setInterval(() => {}, 60_000);
  }
} catch (e) {
  if (!(e instanceof StoreLockedError)) throw e;
  console.log(e.message);
  process.exitCode = 3;
}
