/**
 * Which agency may decide a procedure: one rule for the catalogue (a procedure routed to an
 * agency) and for the desk (a dossier routed by hand when the catalogue names none). A one-stop
 * desk or service centre takes dossiers in but decides nothing; an authority decides the
 * procedures of its own level (a commune's People's Committee the commune-level ones, a department
 * or the Provincial People's Committee the province-level ones).
 */
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/engine.ts';
import { agencies } from '../identity/schema.ts';

const RECEIVING_ONLY: ReadonlySet<string> = new Set(['service_center', 'one_stop_desk']);

export type AgencyRef = { id: string; kind: string; level: string; active: boolean };
export type Incompetence = 'unknown' | 'receiving_only' | 'wrong_level';

/** The agency with this id, if it exists and is active. */
export async function activeAgency(db: Db | Tx, id: string): Promise<AgencyRef | null> {
  const [agency] = await db
    .select({ id: agencies.id, kind: agencies.kind, level: agencies.level, active: agencies.active })
    .from(agencies)
    .where(eq(agencies.id, id));
  return agency?.active ? agency : null;
}

/** Why `agency` may not decide a procedure of these levels, or null when it may. */
export function incompetence(agency: AgencyRef | null, levels: readonly string[]): Incompetence | null {
  if (!agency) return 'unknown';
  if (RECEIVING_ONLY.has(agency.kind)) return 'receiving_only';
  if (!levels.includes(agency.level)) return 'wrong_level';
  return null;
}

const LEVEL_NAMES: Record<string, { vi: string; en: string }> = {
  province: { vi: 'cấp tỉnh', en: 'province' },
  commune: { vi: 'cấp xã', en: 'commune' },
  ministry: { vi: 'cấp bộ', en: 'ministry' },
  other: { vi: 'cấp khác', en: 'other' },
};

/** The field error naming `field` for an agency that may not decide the procedure. */
export function incompetenceMessage(
  why: Incompetence,
  levels: readonly string[],
): { vi: string; en: string } {
  const names = levels.map((l) => LEVEL_NAMES[l] ?? { vi: l, en: l });
  switch (why) {
    case 'unknown':
      return { vi: 'Không có cơ quan này, hoặc cơ quan đã ngừng hoạt động.', en: 'No such active agency.' };
    case 'receiving_only':
      return {
        vi: 'Bộ phận một cửa, trung tâm phục vụ hành chính công chỉ tiếp nhận, không giải quyết thủ tục.',
        en: 'A one-stop desk or service centre receives dossiers; it does not decide procedures.',
      };
    case 'wrong_level':
      return {
        vi: `Thủ tục thuộc thẩm quyền ${names.map((n) => n.vi).join(', ') || '(chưa xác định)'}; cơ quan này ở cấp khác.`,
        en: `The procedure is decided at ${names.map((n) => n.en).join(', ') || '(no level)'} level; this agency is at another.`,
      };
  }
}
