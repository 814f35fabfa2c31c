/** Names of units by id, fetched once per session (issuers, audit rows). */
import { useEffect, useState } from 'react';
import { get } from './api.ts';
import type { UnitDetail } from './types.ts';

const names = new Map<string, Promise<string>>();

export function unitName(id: string): Promise<string> {
  let p = names.get(id);
  if (!p) {
    p = get<UnitDetail>(`/api/units/${encodeURIComponent(id)}`).then(
      (d) => d.unit.displayName || d.unit.name,
      () => id,
    );
    names.set(id, p);
  }
  return p;
}

export function useUnitName(id: string | null | undefined): string {
  const [name, setName] = useState(id ?? '');
  useEffect(() => {
    if (!id) return;
    let live = true;
    setName(id);
    void unitName(id).then((n) => live && setName(n));
    return () => {
      live = false;
    };
  }, [id]);
  return name;
}

export function UnitName({ id }: { id: string | null | undefined }) {
  return <>{useUnitName(id) || '—'}</>;
}
