/**
 * A small hash router: `#/dashboard?unit=huyen-ngan-son&period=2024`. Hash URLs need nothing from the
 * server (it serves index.html at "/" only) and keep the chosen unit and period in the address bar,
 * so a page can be bookmarked or sent to a colleague.
 */
import { useSyncExternalStore } from 'react';

export interface Route {
  /** Path segments: "#/resolutions/nq-2024" → ["resolutions", "nq-2024"]. */
  segments: string[];
  query: URLSearchParams;
}

function parse(hash: string): Route {
  const h = hash.replace(/^#\/?/, '');
  const [path = '', qs = ''] = h.split('?');
  return { segments: path.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(qs) };
}

let cached = { hash: '\u0000', route: parse('') };
function snapshot(): Route {
  if (cached.hash !== location.hash) cached = { hash: location.hash, route: parse(location.hash) };
  return cached.route;
}
function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, snapshot);
}

export function href(path: string, query: Record<string, string | null | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) q.set(k, v);
  const s = q.toString();
  return `#/${path.replace(/^\//, '')}${s ? `?${s}` : ''}`;
}

/** Goes to a page; `replace` keeps the history clean when only the query changes. */
export function navigate(path: string, query: Record<string, string | null | undefined> = {}, replace = false): void {
  const h = href(path, query);
  if (replace) history.replaceState(null, '', h);
  else history.pushState(null, '', h);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** Updates the query of the current page, keeping its path. */
export function setQuery(route: Route, patch: Record<string, string | null | undefined>, replace = true): void {
  const q: Record<string, string | null | undefined> = Object.fromEntries(route.query.entries());
  Object.assign(q, patch);
  navigate(route.segments.join('/'), q, replace);
}
