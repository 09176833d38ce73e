import { useEffect, useState } from 'react';
import { getJson } from '../../ui/api';
import { formatNumber } from '../../ui/localized';
import { QUEUES, type Queue, type QueuePage, queuePath } from './api';

/**
 * How many dossiers wait in each queue (matching the search, if any), for the tabs. One small
 * request per queue (`limit=1`, only `total` is read); a failed count just leaves its tab without one.
 * Answers to an older search are ignored rather than cancelled: they are tiny and nearly done.
 */
export type QueueCount = Pick<QueuePage, 'total' | 'totalCapped'>;

export function useQueueCounts(q: string): Partial<Record<Queue, QueueCount>> {
  const [counts, setCounts] = useState<Partial<Record<Queue, QueueCount>>>({});
  useEffect(() => {
    let stale = false;
    setCounts({});
    for (const queue of QUEUES) {
      getJson<QueuePage>(queuePath(queue, q, 1), { revalidate: true }).then(
        (page) => {
          if (!stale)
            setCounts((c) => ({ ...c, [queue]: { total: page.total, totalCapped: page.totalCapped } }));
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

/** A tab's count: "1.234", or "10.000+" once the server stopped counting. */
export function formatCount(count: QueueCount, language: string): string {
  return `${formatNumber(count.total, language)}${count.totalCapped ? '+' : ''}`;
}
