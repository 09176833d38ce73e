import { useEffect, useState } from 'react';
import { getJson } from '../../ui/api';
import { QUEUES, type Queue, type QueuePage, queuePath } from './api';

/**
 * How many dossiers wait in each queue (matching the search, if any), for the tabs. One small
 * request per queue (`limit=1`, only `total` is read); a failed count just leaves its tab without one.
 * Answers to an older search are ignored rather than cancelled: they are tiny and nearly done.
 */
export function useQueueCounts(q: string): Partial<Record<Queue, number>> {
  const [counts, setCounts] = useState<Partial<Record<Queue, number>>>({});
  useEffect(() => {
    let stale = false;
    setCounts({});
    for (const queue of QUEUES) {
      getJson<QueuePage>(queuePath(queue, q, 1), { revalidate: true }).then(
        (page) => {
          if (!stale) setCounts((c) => ({ ...c, [queue]: page.total }));
        },
        () => undefined,
      );
    }
    return () => {
      stale = true;
    };
  }, [q]);
  return counts;
}
