import { useMemo } from 'react';
import { useApiQuery } from '../../ui/useApiQuery';
import type { PersonPage } from './users/api';

/**
 * Names of the platform's accounts by id, for the "who" of version histories and the audit trail
 * (those APIs give ids). One request for a system admin (the server's largest page); an id not
 * among them is shown shortened.
 */
export function usePeopleNames(enabled: boolean): (id: string) => string | undefined {
  const people = useApiQuery<PersonPage>(enabled ? '/api/identity/persons?limit=500' : null, { fresh: true });
  const names = useMemo(
    () => new Map(people.status === 'success' ? people.data.items.map((p) => [p.id, p.fullName]) : []),
    [people],
  );
  return (id: string) => names.get(id);
}
