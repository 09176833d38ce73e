/**
 * Every one-stop figure is the size of a named set of dossiers, defined here once as a SQL
 * condition. The statistics count each set (`count(*) FILTER (WHERE …)`) and the drill-down lists
 * the same set, so a number and the list behind it cannot disagree. Rules: DOMAIN.md §2 (outcome,
 * pauses, "more than one supplement request counts as late" are already in the dossier's
 * `outcome`, computed by the lifecycle when it was done).
 *
 * The conditions read the facets of `facetColumns` (alias f), computed once per dossier.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Period } from './period.ts';

/** The instants a set is measured against: the period, and "now" for a period not over yet. */
export type Window = { from: Date; to: Date; asOf: Date };

export function windowOf(period: Period, now: Date): Window {
  return { from: period.from, to: period.to, asOf: period.to < now ? period.to : now };
}

export const DOSSIER_SETS = [
  'received',
  'received_direct',
  'received_online',
  'received_postal',
  'carried_over',
  'resolved',
  'resolved_early',
  'resolved_on_time',
  'resolved_in_time',
  'resolved_late',
  'pending',
  'pending_on_time',
  'pending_overdue',
  'refused_at_intake',
  'withdrawn',
  'suspended',
  'supplement_requested',
  'returned',
  'returned_electronic',
  'digitizable',
  'digitized',
  'reused',
  'approved',
  'approved_with_e_result',
  'online_counted',
  'rated',
  'rated_low',
] as const;
export type DossierSet = (typeof DOSSIER_SETS)[number];

export const SET_LABELS: Readonly<Record<DossierSet, { vi: string; en: string }>> = {
  received: { vi: 'Tiếp nhận mới trong kỳ', en: 'Received in the period' },
  received_direct: { vi: 'Tiếp nhận trực tiếp', en: 'Received at the counter' },
  received_online: { vi: 'Tiếp nhận trực tuyến', en: 'Received online' },
  received_postal: { vi: 'Tiếp nhận qua bưu chính công ích', en: 'Received by post' },
  carried_over: { vi: 'Kỳ trước chuyển qua', en: 'Carried over' },
  resolved: { vi: 'Đã giải quyết', en: 'Resolved' },
  resolved_early: { vi: 'Giải quyết trước hạn', en: 'Resolved early' },
  resolved_on_time: { vi: 'Giải quyết đúng hạn', en: 'Resolved on time' },
  resolved_in_time: { vi: 'Giải quyết trước và đúng hạn', en: 'Resolved early or on time' },
  resolved_late: { vi: 'Giải quyết quá hạn', en: 'Resolved late' },
  pending: { vi: 'Đang giải quyết', en: 'In progress' },
  pending_on_time: { vi: 'Đang giải quyết trong hạn', en: 'In progress within the deadline' },
  pending_overdue: { vi: 'Đang giải quyết quá hạn', en: 'In progress, overdue' },
  refused_at_intake: { vi: 'Từ chối tiếp nhận', en: 'Refused at intake' },
  withdrawn: { vi: 'Công dân rút hồ sơ', en: 'Withdrawn by the applicant' },
  suspended: { vi: 'Dừng xử lý', en: 'Suspended' },
  supplement_requested: { vi: 'Có yêu cầu bổ sung trong kỳ', en: 'Supplement requested in the period' },
  returned: { vi: 'Đã trả kết quả', en: 'Result returned' },
  returned_electronic: { vi: 'Trả kết quả điện tử', en: 'Result returned electronically' },
  digitizable: { vi: 'Hồ sơ giấy tiếp nhận (trực tiếp, bưu chính)', en: 'Paper dossiers received' },
  digitized: { vi: 'Số hóa khi tiếp nhận', en: 'Digitized at intake' },
  reused: { vi: 'Tái sử dụng kết quả đã số hóa', en: 'Reused a digitized result' },
  approved: { vi: 'Giải quyết có kết quả', en: 'Resolved with a result' },
  approved_with_e_result: { vi: 'Có kết quả điện tử', en: 'With an electronic result' },
  online_counted: {
    vi: 'Hồ sơ trực tuyến được tính (kết quả giấy thì phải trả điện tử)',
    en: 'Online dossiers that count (paper-result procedures only with an electronic result)',
  },
  rated: { vi: 'Được đánh giá trong kỳ', en: 'Rated in the period' },
  rated_low: { vi: 'Đánh giá không hài lòng (1–2 sao)', en: 'Rated unsatisfied (1–2 stars)' },
};

/**
 * Each dossier's facets for the window: booleans and short codes that the sets below combine.
 * Only the columns of `dossier_stats_cover_idx` are read, so a year over a million dossiers is an
 * index-only scan, not a pass over the full rows with their JSON. (Measured on 1 M dossiers:
 * materialising the facets once per row with `OFFSET 0`, or turning the sub-plans into joins so
 * the counting could run in parallel, were both slower than letting PostgreSQL inline them.)
 */
export function facetColumns(w: Window): SQL {
  const inPeriod = (column: string) =>
    sql`(${sql.raw(column)} >= ${w.from} AND ${sql.raw(column)} < ${w.to})`;
  const open = sql`(d.received_at < ${w.asOf} AND (d.outcome_at IS NULL OR d.outcome_at >= ${w.asOf}))`;
  return sql`
    d.id,
    d.channel AS ch,
    d.status AS st,
    d.outcome AS oc,
    d.return_method AS rm,
    d.result,
    d.rating,
    d.working_days_taken AS wd,
    ${inPeriod('d.received_at')} AS rcv,
    (d.received_at < ${w.from} AND (d.outcome_at IS NULL OR d.outcome_at >= ${w.from})) AS co,
    ${inPeriod('d.outcome_at')} AS res,
    ${open} AS pend,
    -- Open at the measuring instant and past the due date it had then; a wait for a supplement
    -- stops the clock, so such a dossier is measured when the wait began.
    CASE WHEN ${open} THEN (
      SELECT CASE WHEN e.to_status = 'supplement_requested' THEN e.at ELSE ${w.asOf}::timestamptz END
        > coalesce(e.due_at, d.due_at)
      FROM dossier_event e
      WHERE e.dossier_id = d.id AND e.at < ${w.asOf} AND e.due_at IS NOT NULL
      ORDER BY e.seq DESC LIMIT 1) END AS od,
    ${inPeriod('d.stopped_at')} AS stp,
    ${inPeriod('d.returned_at')} AS ret,
    ${inPeriod('d.finished_at')} AS fin,
    ${inPeriod('d.rated_at')} AS rat,
    (d.digitized_at IS NOT NULL) AS dig,
    d.id IN (SELECT e.dossier_id FROM dossier_event e
      WHERE e.type = 'request_supplement' AND e.at >= ${w.from} AND e.at < ${w.to}) AS sup,
    d.id IN (SELECT f.dossier_id FROM dossier_file f WHERE f.reused_from_id IS NOT NULL) AS reu,
    d.id IN (SELECT f.dossier_id FROM dossier_file f WHERE f.purpose = 'result') AS eres,
    -- Decision 766: an online dossier of a procedure whose result is on paper counts only when its
    -- result was returned electronically.
    (d.return_method = 'electronic' OR (d.procedure_id, d.procedure_version) NOT IN (
      SELECT v.procedure_id, v.version FROM catalog_procedure_version v WHERE v.result_type = 'paper')) AS countable`;
}

/** A set as a condition on the facets (alias `f`). */
export function setCondition(set: DossierSet): SQL {
  switch (set) {
    case 'received':
      return sql`f.rcv`;
    case 'received_direct':
      return sql`(f.rcv AND f.ch = 'direct')`;
    case 'received_online':
      return sql`(f.rcv AND f.ch = 'online')`;
    case 'received_postal':
      return sql`(f.rcv AND f.ch = 'postal')`;
    case 'carried_over':
      return sql`f.co`;
    case 'resolved':
      return sql`f.res`;
    case 'resolved_early':
      return sql`(f.res AND f.oc = 'early')`;
    case 'resolved_on_time':
      return sql`(f.res AND f.oc = 'on_time')`;
    case 'resolved_in_time':
      return sql`(f.res AND f.oc IN ('early', 'on_time'))`;
    case 'resolved_late':
      return sql`(f.res AND f.oc = 'late')`;
    case 'pending':
      return sql`f.pend`;
    case 'pending_on_time':
      return sql`(f.pend AND NOT f.od)`;
    case 'pending_overdue':
      return sql`(f.pend AND f.od)`;
    case 'refused_at_intake':
      return sql`(f.stp AND f.st = 'refused_at_intake')`;
    case 'withdrawn':
      return sql`(f.stp AND f.st = 'withdrawn')`;
    case 'suspended':
      return sql`(f.stp AND f.st = 'suspended')`;
    case 'supplement_requested':
      return sql`f.sup`;
    case 'returned':
      return sql`f.ret`;
    case 'returned_electronic':
      return sql`(f.ret AND f.rm = 'electronic')`;
    case 'digitizable':
      return sql`(f.rcv AND f.ch <> 'online')`;
    case 'digitized':
      return sql`(f.rcv AND f.ch <> 'online' AND f.dig)`;
    case 'reused':
      return sql`(f.rcv AND f.reu)`;
    case 'approved':
      return sql`(f.fin AND f.result = 'approved')`;
    case 'approved_with_e_result':
      return sql`(f.fin AND f.result = 'approved' AND f.eres)`;
    case 'online_counted':
      return sql`(f.rcv AND f.ch = 'online' AND f.countable)`;
    case 'rated':
      return sql`f.rat`;
    case 'rated_low':
      return sql`(f.rat AND f.rating <= 2)`;
  }
}
