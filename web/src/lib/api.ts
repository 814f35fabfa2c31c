/**
 * The one door to the JSON API (docs/api.md): cookies for the session, the CSRF header on every
 * request other than GET/HEAD, one error shape. Nothing here knows about pages.
 */
import type { EntryCell, FieldProblem } from './types.ts';

let csrfToken: string | null = null;
let acceptLanguage = 'vi';

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
export function setApiLocale(locale: string): void {
  acceptLanguage = locale;
}

/** An error answered by the server: `{ error: { code, message, fields?, current? } }`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
    /** 409 on a save: the cells as stored now. */
    readonly current: EntryCell[] = [],
  ) {
    super(message);
  }
}

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();
/** Called when any request answers 401 (the session expired or was closed elsewhere). */
export function onUnauthenticated(l: Listener): () => void {
  unauthenticatedListeners.add(l);
  return () => unauthenticatedListeners.delete(l);
}

async function toError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy page, an empty body): the status alone says what happened.
  }
  const e = (body as { error?: Record<string, unknown> } | null)?.error ?? {};
  const current = (e.current ?? (body as { current?: unknown } | null)?.current ?? []) as EntryCell[];
  return new ApiError(
    res.status,
    typeof e.code === 'string' ? e.code : statusCode(res.status),
    typeof e.message === 'string' ? e.message : `HTTP ${res.status}`,
    Array.isArray(e.fields) ? (e.fields as FieldProblem[]) : [],
    Array.isArray(current) ? current : [],
  );
}

function statusCode(status: number): string {
  switch (status) {
    case 400:
      return 'validation';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 423:
      return 'locked';
    case 429:
      return 'rate_limited';
    default:
      return 'internal';
  }
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Do not broadcast a 401 (the boot probe of /api/auth/me). */
  quiet401?: boolean;
}

async function send(method: string, path: string, body: BodyInit | null, json: boolean, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': acceptLanguage };
  if (json) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(path, { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  if (!res.ok) {
    const err = await toError(res);
    if (res.status === 401 && !opts.quiet401) for (const l of unauthenticatedListeners) l();
    throw err;
  }
  return res;
}

export async function request<T>(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, body === undefined ? null : JSON.stringify(body), body !== undefined, opts);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const get = <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, undefined, opts);
export const post = <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, body ?? {}, opts);
export const put = <T>(path: string, body: unknown, opts?: RequestOptions) => request<T>('PUT', path, body, opts);
export const del = <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, undefined, opts);

/** multipart/form-data upload (the browser sets the boundary). */
export async function upload<T>(path: string, field: string, file: File, opts: RequestOptions = {}): Promise<T> {
  const fd = new FormData();
  fd.append(field, file, file.name);
  const res = await send('POST', path, fd, false, opts);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Builds `path?a=1&b=2`, leaving out empty parameters. */
export function withQuery(path: string, params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** A list answered either bare or wrapped (`{ resolutions: [...] }`): the contract names some, not all. */
export function listOf<T>(body: unknown, key: string): T[] {
  if (Array.isArray(body)) return body as T[];
  if (body && typeof body === 'object') {
    const o = body as Record<string, unknown>;
    if (Array.isArray(o[key])) return o[key] as T[];
    for (const v of Object.values(o)) if (Array.isArray(v)) return v as T[];
  }
  return [];
}

/** Downloads a file the server produces, through fetch so errors (403, 404) can be shown. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await send('GET', path, null, false, {});
  const blob = await res.blob();
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  const name = star?.[1] ? decodeURIComponent(star[1]) : (plain?.[1] ?? fallbackName);
  saveBlob(blob, name);
}

export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
