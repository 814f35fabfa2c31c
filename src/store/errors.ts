/**
 * Typed errors of the store. Each carries a code from a closed union so that one place (the CLI, a
 * server's error handler) can map it to an exit code or an HTTP status; the message is Vietnamese and
 * meant for the user as is.
 */

export type StoreErrorCode =
  | 'locked' // another process holds the data directory
  | 'open_failed' // the database could not be opened or migrated
  | 'conflict' // a unique or foreign key constraint refused a write
  | 'not_found';

export class StoreError extends Error {
  override readonly name: string = 'StoreError';

  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Who holds a data directory's lock (the content of the lock file). */
export interface LockHolder {
  pid: number;
  host: string;
  /** ISO time the lock was taken. */
  since: string;
  /** Process start time in clock ticks since boot (Linux /proc), to tell a reused pid apart. */
  procStart: string | null;
}

export class StoreLockedError extends StoreError {
  override readonly name = 'StoreLockedError';

  constructor(
    readonly dataDir: string,
    readonly lockFile: string,
    readonly holder: LockHolder | null,
  ) {
    super('locked', lockedMessage(dataDir, lockFile, holder));
  }
}

function lockedMessage(dataDir: string, lockFile: string, h: LockHolder | null): string {
  if (!h)
    return `Thư mục dữ liệu ${dataDir} đang bị khóa bởi một tiến trình khác (không đọc được tệp khóa ${lockFile}). Hãy thử lại sau giây lát.`;
  return (
    `Thư mục dữ liệu ${dataDir} đang được tiến trình ${h.pid} trên máy ${h.host} sử dụng (từ ${h.since}). ` +
    `Hai tiến trình cùng ghi vào một thư mục dữ liệu sẽ làm hỏng dữ liệu, nên chỉ một tiến trình được mở nó. ` +
    `Hãy đóng chương trình kia rồi thử lại; nếu chắc chắn không còn tiến trình nào dùng thư mục này, xóa tệp ${lockFile}.`
  );
}

/** PostgreSQL error codes we turn into typed errors. */
const PG_UNIQUE = '23505';
const PG_FOREIGN_KEY = '23503';

/**
 * Converts a constraint violation from either driver into a {@link StoreError} 'conflict' with a
 * Vietnamese message; returns anything else unchanged, for the caller to rethrow.
 */
export function toStoreError(e: unknown): unknown {
  if (typeof e !== 'object' || e === null || !('code' in e)) return e;
  const detail = 'detail' in e && typeof e.detail === 'string' ? ` (${e.detail})` : '';
  if (e.code === PG_UNIQUE) return new StoreError('conflict', `Dữ liệu trùng với dữ liệu đã có trong kho${detail}.`, { cause: e });
  if (e.code === PG_FOREIGN_KEY) return new StoreError('conflict', `Dữ liệu tham chiếu tới một bản ghi không có trong kho${detail}.`, { cause: e });
  return e;
}
