/**
 * The one file layout a DX office imports a plan in (CSV UTF-8 or Excel .xlsx, first sheet).
 * One table, one row per record, the kind of record in the first column, so a whole plan
 * (header, task groups, tasks, KPIs) fits one file that any spreadsheet edits. Documented in the
 * README ("Digital-transformation plan") and in the import route's OpenAPI description.
 *
 * Parsing here is pure: it turns rows into a draft or into row-numbered errors; agencies are
 * matched and rows written by import.ts.
 */
import type { FieldError } from '../../../platform/errors.ts';
import { PlanErrors } from './errors.ts';
import type { SourceRow } from './import-file.ts';

/** Columns by their Vietnamese header; the English header is accepted too. */
export const COLUMNS = [
  ['loai', 'kind'],
  ['ma', 'code'],
  ['ten', 'title'],
  ['nhom', 'group'],
  ['chu_tri', 'lead'],
  ['phoi_hop', 'coordinating'],
  ['thoi_han', 'deadline'],
  ['trang_thai', 'status'],
  ['tien_do', 'progress'],
  ['don_vi', 'unit'],
  ['do_tu_dong', 'measure'],
  ['muc_tieu', 'targets'],
  ['ngay_ban_hanh', 'issued'],
  ['co_quan_ban_hanh', 'issuer'],
  ['giai_doan', 'period'],
] as const;
type Column = (typeof COLUMNS)[number][0];

/** The layout as the README and the OpenAPI description show it. */
export const IMPORT_LAYOUT_DOC = `One header row, then one row per record; lines starting with # are comments. Columns (Vietnamese or English header): loai/kind, ma/code, ten/title, nhom/group, chu_tri/lead, phoi_hop/coordinating, thoi_han/deadline, trang_thai/status, tien_do/progress, don_vi/unit, do_tu_dong/measure, muc_tieu/targets, ngay_ban_hanh/issued, co_quan_ban_hanh/issuer, giai_doan/period. Kinds: \`ke_hoach\` (plan, exactly one: ma = number e.g. 55/KH-UBND, ten, ngay_ban_hanh dd/mm/yyyy, co_quan_ban_hanh, giai_doan e.g. 2022-2030, chu_tri = the following-up department); \`nhom\` (task group: ma, ten; groups keep the file's order); \`nhiem_vu\` (task: ma unique, ten, nhom = a group's ma, chu_tri = lead agency by name (kept as text when it is not one of ours), phoi_hop, thoi_han = dd/mm/yyyy or a year or text such as "Hằng năm", trang_thai = not_started|in_progress|done|cancelled or Chưa thực hiện|Đang thực hiện|Hoàn thành|Dừng thực hiện (default not_started), tien_do 0–100); \`chi_tieu\` (KPI: ma, ten, don_vi e.g. %, do_tu_dong = a platform measure or empty for hand-entered, muc_tieu e.g. "2025: 80; 2030: 100"). Any error is reported with its row number and nothing is written.`;

export const TASK_STATUSES = ['not_started', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

const STATUS_WORDS: Record<string, TaskStatus> = {
  not_started: 'not_started',
  in_progress: 'in_progress',
  done: 'done',
  cancelled: 'cancelled',
  'chưa thực hiện': 'not_started',
  'chưa triển khai': 'not_started',
  'đang thực hiện': 'in_progress',
  'đang triển khai': 'in_progress',
  'hoàn thành': 'done',
  'đã hoàn thành': 'done',
  'dừng thực hiện': 'cancelled',
  hủy: 'cancelled',
  'đã hủy': 'cancelled',
};

const KINDS: Record<string, 'plan' | 'group' | 'task' | 'kpi'> = {
  ke_hoach: 'plan',
  plan: 'plan',
  nhom: 'group',
  group: 'group',
  nhiem_vu: 'task',
  task: 'task',
  chi_tieu: 'kpi',
  kpi: 'kpi',
};

export type DraftTask = {
  row: number;
  code: string;
  title: string;
  group: string;
  lead: string | null;
  coordinating: string | null;
  deadline: string | null;
  deadlineText: string | null;
  status: TaskStatus;
  progress: number;
};
export type DraftKpi = {
  row: number;
  code: string;
  name: string;
  unit: string;
  measure: string | null;
  targets: Record<string, number>;
};
export type PlanDraft = {
  number: string;
  title: string;
  issuedOn: string;
  issuer: string;
  fromYear: number;
  toYear: number;
  lead: string | null;
  groups: { row: number; code: string; name: string }[];
  tasks: DraftTask[];
  kpis: DraftKpi[];
};

/** dd/mm/yyyy or yyyy-mm-dd → ISO, or null. */
export function parseDate(text: string): string | null {
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  let [y, mo, d] = m ? [Number(m[3]), Number(m[2]), Number(m[1])] : [0, 0, 0];
  if (!m) {
    m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!m) return null;
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A deadline cell: a date, a year (end of that year), a range of years (end of the last), or text. */
export function parseDeadline(text: string): { deadline: string | null; deadlineText: string | null } {
  if (!text) return { deadline: null, deadlineText: null };
  const date = parseDate(text);
  if (date) return { deadline: date, deadlineText: null };
  const year = /^(?:năm\s+)?(\d{4})$/i.exec(text);
  if (year) return { deadline: `${year[1]}-12-31`, deadlineText: text };
  const range = /^(\d{4})\s*[-–]\s*(\d{4})$/.exec(text);
  if (range) return { deadline: `${range[2]}-12-31`, deadlineText: text };
  // "Hằng năm", "Thường xuyên", "Quý II/2023": kept as written, never overdue by date.
  return { deadline: null, deadlineText: text };
}

/** "2025: 80; 2030: 100" or {"2025": 80, "2030": 100}. */
export function parseTargets(text: string): Record<string, number> | null {
  if (!text) return null;
  const out: Record<string, number> = {};
  if (text.startsWith('{')) {
    try {
      const obj = JSON.parse(text) as Record<string, unknown>;
      for (const [k, v] of Object.entries(obj)) {
        if (!/^\d{4}$/.test(k) || typeof v !== 'number' || !Number.isFinite(v)) return null;
        out[k] = v;
      }
    } catch {
      return null;
    }
  } else {
    for (const part of text.split(/[;\n]/)) {
      if (!part.trim()) continue;
      const m = /^\s*(\d{4})\s*[:=]\s*(-?\d+(?:[.,]\d+)?)\s*%?\s*$/.exec(part);
      if (!m) return null;
      out[m[1]!] = Number(m[2]!.replace(',', '.'));
    }
  }
  return Object.keys(out).length ? out : null;
}

/**
 * Turns the rows into a plan draft. Every problem is collected with its row number (so the DX
 * office fixes the file in one pass); any problem refuses the whole file.
 */
export function toDraft(rows: SourceRow[], measures: readonly string[]): PlanDraft {
  const errors: FieldError[] = [];
  const fail = (row: number, vi: string, en: string) =>
    errors.push({ field: `row ${row}`, vi: `Dòng ${row}: ${vi}`, en: `Row ${row}: ${en}` });

  const [head, ...body] = rows;
  if (!head) throw PlanErrors.create('IMPORT_EMPTY');
  const index = new Map<Column, number>();
  head.cells.forEach((name, i) => {
    const key = name.toLowerCase();
    const col = COLUMNS.find((c) => c[0] === key || c[1] === key);
    if (col) index.set(col[0], i);
  });
  for (const required of ['loai', 'ma', 'ten'] as const)
    if (!index.has(required))
      fail(
        head.row,
        `thiếu cột “${required}” ở dòng tiêu đề`,
        `the header row lacks the “${required}” column`,
      );
  if (errors.length) throw invalid(errors);

  const draft: PlanDraft = {
    number: '',
    title: '',
    issuedOn: '',
    issuer: '',
    fromYear: 0,
    toYear: 0,
    lead: null,
    groups: [],
    tasks: [],
    kpis: [],
  };
  let planRow = 0;
  const seen = { group: new Set<string>(), task: new Set<string>(), kpi: new Set<string>() };
  for (const { row, cells } of body) {
    const get = (c: Column) => {
      const i = index.get(c);
      return i === undefined ? '' : (cells[i] ?? '');
    };
    const kind = KINDS[get('loai').toLowerCase()];
    const code = get('ma');
    const title = get('ten');
    if (!kind) {
      fail(
        row,
        `loại bản ghi “${get('loai')}” không hợp lệ (ke_hoach, nhom, nhiem_vu, chi_tieu)`,
        `unknown record kind “${get('loai')}” (ke_hoach, nhom, nhiem_vu, chi_tieu)`,
      );
      continue;
    }
    if (!code) fail(row, 'thiếu mã (cột ma)', 'the code (ma) is missing');
    if (!title) fail(row, 'thiếu tên (cột ten)', 'the title (ten) is missing');
    if (code.length > 50) fail(row, 'mã dài quá 50 ký tự', 'the code is longer than 50 characters');
    if (title.length > 1000) fail(row, 'tên dài quá 1000 ký tự', 'the title is longer than 1000 characters');
    if (kind === 'plan') {
      if (planRow) {
        fail(
          row,
          `chỉ được một dòng ke_hoach (đã có ở dòng ${planRow})`,
          `only one plan row (already at row ${planRow})`,
        );
        continue;
      }
      planRow = row;
      draft.number = code;
      draft.title = title;
      draft.lead = get('chu_tri') || null;
      const issued = parseDate(get('ngay_ban_hanh'));
      if (!issued)
        fail(
          row,
          'thiếu hoặc sai ngày ban hành (dd/mm/yyyy)',
          'the issue date is missing or wrong (dd/mm/yyyy)',
        );
      else draft.issuedOn = issued;
      draft.issuer = get('co_quan_ban_hanh');
      if (!draft.issuer) fail(row, 'thiếu cơ quan ban hành', 'the issuer is missing');
      const span = /^(\d{4})\s*[-–]\s*(\d{4})$/.exec(get('giai_doan'));
      if (!span || Number(span[1]) > Number(span[2]) || Number(span[2]) - Number(span[1]) > 20)
        fail(row, 'giai đoạn phải có dạng 2022-2030', 'the period must read like 2022-2030');
      else [draft.fromYear, draft.toYear] = [Number(span[1]), Number(span[2])];
    } else if (kind === 'group') {
      if (seen.group.has(code)) fail(row, `trùng mã nhóm “${code}”`, `duplicate group code “${code}”`);
      seen.group.add(code);
      draft.groups.push({ row, code, name: title });
    } else if (kind === 'task') {
      if (seen.task.has(code)) fail(row, `trùng mã nhiệm vụ “${code}”`, `duplicate task code “${code}”`);
      seen.task.add(code);
      const group = get('nhom');
      if (!group) fail(row, 'thiếu nhóm nhiệm vụ', 'the task group is missing');
      const statusText = get('trang_thai').toLowerCase();
      const status = statusText ? STATUS_WORDS[statusText] : 'not_started';
      if (!status)
        fail(row, `trạng thái “${get('trang_thai')}” không hợp lệ`, `unknown status “${get('trang_thai')}”`);
      const progressText = get('tien_do').replace('%', '').trim();
      const progress = progressText ? Number(progressText) : status === 'done' ? 100 : 0;
      if (!Number.isInteger(progress) || progress < 0 || progress > 100)
        fail(row, 'tiến độ phải là số nguyên từ 0 đến 100', 'progress must be a whole number from 0 to 100');
      const deadlineCell = get('thoi_han');
      if (/^\d{1,2}\/\d{1,2}\/\d{4}$|^\d{4}-\d{2}-\d{2}$/.test(deadlineCell) && !parseDate(deadlineCell))
        fail(
          row,
          `thời hạn “${deadlineCell}” không phải ngày có thật`,
          `the deadline “${deadlineCell}” is not a real date`,
        );
      draft.tasks.push({
        row,
        code,
        title,
        group,
        lead: get('chu_tri') || null,
        coordinating: get('phoi_hop') || null,
        ...parseDeadline(deadlineCell),
        status: status ?? 'not_started',
        progress: Number.isInteger(progress) ? progress : 0,
      });
    } else {
      if (seen.kpi.has(code)) fail(row, `trùng mã chỉ tiêu “${code}”`, `duplicate KPI code “${code}”`);
      seen.kpi.add(code);
      const measure = get('do_tu_dong') || null;
      if (measure && !measures.includes(measure))
        fail(
          row,
          `đo tự động “${measure}” không có; dùng một trong: ${measures.join(', ')}`,
          `no platform measure “${measure}”; use one of: ${measures.join(', ')}`,
        );
      const targets = parseTargets(get('muc_tieu'));
      if (!targets)
        fail(
          row,
          'thiếu hoặc sai mục tiêu (dạng “2025: 80; 2030: 100”)',
          'targets missing or wrong (like “2025: 80; 2030: 100”)',
        );
      draft.kpis.push({
        row,
        code,
        name: title,
        unit: get('don_vi') || '%',
        measure,
        targets: targets ?? {},
      });
    }
  }
  if (!planRow)
    fail(
      head.row,
      'thiếu dòng ke_hoach (số, tên, ngày ban hành của kế hoạch)',
      'the plan row (ke_hoach) is missing',
    );
  const groups = new Set(draft.groups.map((g) => g.code));
  for (const t of draft.tasks)
    if (t.group && !groups.has(t.group))
      fail(
        t.row,
        `nhóm nhiệm vụ “${t.group}” chưa được khai báo bằng dòng nhom`,
        `task group “${t.group}” is not declared by a nhom row`,
      );
  if (planRow && draft.tasks.length === 0)
    fail(planRow, 'kế hoạch chưa có nhiệm vụ nào', 'the plan has no tasks');
  if (errors.length) throw invalid(errors);
  return draft;
}

function invalid(errors: FieldError[]) {
  errors.sort((a, b) => Number(a.field.slice(4)) - Number(b.field.slice(4)));
  const first = errors.slice(0, 3);
  return PlanErrors.create(
    'IMPORT_INVALID',
    {
      vi: `${first.map((e) => e.vi).join('; ')}${errors.length > 3 ? ` (và ${errors.length - 3} lỗi khác)` : ''}. Chưa có gì được ghi.`,
      en: `${first.map((e) => e.en).join('; ')}${errors.length > 3 ? ` (and ${errors.length - 3} more)` : ''}. Nothing was written.`,
    },
    errors.slice(0, 200),
  );
}
