/** The plan report as an Excel workbook and as a PDF, from the same figures as the JSON. */
import { renderReportPdf } from '../export/pdf.ts';
import { toXlsx, type XlsxSheet } from '../export/xlsx.ts';
import type { KpiStatus } from './kpis.ts';
import type { GroupSummary, PlanReport, ReportTask } from './report.ts';

export const STATUS_VI: Record<string, string> = {
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  done: 'Hoàn thành',
  cancelled: 'Dừng thực hiện',
};

const dmy = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');
const num = (n: number | null, digits = 1) =>
  n === null ? '' : n.toLocaleString('vi-VN', { maximumFractionDigits: digits });

export const reportTitle = (r: PlanReport) => `Báo cáo tiến độ thực hiện Kế hoạch ${r.plan.number}`;
export const reportSubtitle = (r: PlanReport) =>
  `Kỳ báo cáo: ${r.period.label.vi} (${dmy(r.period.from)} – ${dmy(r.period.to)}) · Số liệu đến ngày ${dmy(r.asOf)} · Hạn báo cáo ${dmy(r.period.due)}`;
export const reportFileName = (r: PlanReport, ext: 'xlsx' | 'pdf') =>
  `Báo cáo kế hoạch ${r.plan.number.replace(/\//g, '-')} kỳ ${r.period.key}.${ext}`;

const deadlineOf = (t: ReportTask) => t.deadlineText ?? dmy(t.deadline);
const kpiValue = (k: KpiStatus) =>
  k.value === null ? '' : `${num(k.value)}${k.unit === '%' ? '%' : ` ${k.unit}`}`;
const kpiTarget = (k: KpiStatus) =>
  k.target === null ? '' : `${num(k.target)}${k.unit === '%' ? '%' : ` ${k.unit}`} (${k.targetYear})`;
const metText = (k: KpiStatus) => (k.met === null ? 'Chưa có số liệu' : k.met ? 'Đạt' : 'Chưa đạt');

export async function planReportXlsx(r: PlanReport): Promise<Buffer> {
  const subtitle = reportSubtitle(r);
  const groups: XlsxSheet<GroupSummary> = {
    name: 'Tổng hợp theo nhóm',
    title: reportTitle(r),
    subtitle,
    columns: [
      { header: 'Mã nhóm', value: (g) => g.code, width: 10 },
      { header: 'Nhóm nhiệm vụ', value: (g) => g.name, width: 48 },
      { header: 'Số nhiệm vụ', value: (g) => g.tasks, format: 'integer' },
      { header: 'Hoàn thành', value: (g) => g.done, format: 'integer' },
      { header: 'Đang thực hiện', value: (g) => g.inProgress, format: 'integer' },
      { header: 'Chưa thực hiện', value: (g) => g.notStarted, format: 'integer' },
      { header: 'Quá hạn', value: (g) => g.overdue, format: 'integer' },
      { header: 'Tiến độ bình quân', value: (g) => g.averageProgress / 100, format: 'percent' },
    ],
    rows: r.groups,
    total: { id: '', code: '', name: 'Tổng cộng', ...r.totals },
  };
  const tasks: XlsxSheet<ReportTask> = {
    name: 'Nhiệm vụ',
    title: reportTitle(r),
    subtitle,
    columns: [
      { header: 'Mã', value: (t) => t.code, width: 8 },
      { header: 'Nhiệm vụ', value: (t) => t.title, width: 60 },
      { header: 'Cơ quan chủ trì', value: (t) => t.lead, width: 30 },
      { header: 'Thời hạn', value: (t) => deadlineOf(t), width: 14 },
      { header: 'Trạng thái', value: (t) => STATUS_VI[t.status] ?? t.status, width: 16 },
      { header: 'Tiến độ', value: (t) => t.progress / 100, format: 'percent' },
      { header: 'Quá hạn', value: (t) => (t.overdue ? 'Quá hạn' : '') },
      { header: 'Báo cáo trong kỳ', value: (t) => dmy(t.latestReport?.reportedOn ?? null), width: 16 },
      { header: 'Nội dung báo cáo', value: (t) => t.latestReport?.note ?? '', width: 40 },
    ],
    rows: r.tasks,
  };
  const kpis: XlsxSheet<KpiStatus> = {
    name: 'Chỉ tiêu',
    title: reportTitle(r),
    subtitle,
    columns: [
      { header: 'Mã', value: (k) => k.code, width: 8 },
      { header: 'Chỉ tiêu', value: (k) => k.name, width: 60 },
      { header: 'Đơn vị', value: (k) => k.unit, width: 8 },
      { header: 'Năm mục tiêu', value: (k) => k.targetYear, width: 12 },
      { header: 'Mục tiêu', value: (k) => k.target, format: 'decimal' },
      { header: `Kết quả ${r.period.key}`, value: (k) => k.value, format: 'decimal' },
      {
        header: 'Nguồn số liệu',
        value: (k) => (k.source === 'measured' ? 'Đo từ nền tảng' : k.source === 'entered' ? 'Nhập tay' : ''),
      },
      { header: 'Đánh giá', value: metText },
    ],
    rows: r.kpis,
  };
  return toXlsx([groups, tasks, kpis]);
}

export function planReportPdf(r: PlanReport, at = new Date()): Promise<Uint8Array> {
  const lead = r.plan.lead ?? r.plan.issuer;
  return renderReportPdf({
    issuer: { name: lead, parent: r.plan.issuer },
    title: reportTitle(r).toLocaleUpperCase('vi'),
    subtitle: `${r.plan.title}. ${reportSubtitle(r)}`,
    place: r.plan.issuer.replace(/^(Ủy ban nhân dân|UBND) tỉnh /i, ''),
    at,
    sections: [
      {
        heading: 'I. Tổng hợp theo nhóm nhiệm vụ',
        columns: ['Nhóm', 'Số NV', 'Hoàn thành', 'Đang TH', 'Chưa TH', 'Quá hạn', 'Tiến độ BQ'],
        widths: [8, 2, 2.4, 2, 2, 2, 2.4],
        align: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
        rows: [
          ...r.groups.map((g) => [
            `${g.code}. ${g.name}`,
            String(g.tasks),
            String(g.done),
            String(g.inProgress),
            String(g.notStarted),
            String(g.overdue),
            `${num(g.averageProgress)}%`,
          ]),
          [
            'Tổng cộng',
            String(r.totals.tasks),
            String(r.totals.done),
            String(r.totals.inProgress),
            String(r.totals.notStarted),
            String(r.totals.overdue),
            `${num(r.totals.averageProgress)}%`,
          ],
        ],
      },
      {
        heading: 'II. Kết quả thực hiện các chỉ tiêu',
        columns: ['Chỉ tiêu', 'Mục tiêu', 'Kết quả', 'Đánh giá'],
        widths: [8, 3, 2.4, 2.6],
        align: ['left', 'right', 'right', 'left'],
        rows: r.kpis.map((k) => [`${k.code}. ${k.name}`, kpiTarget(k), kpiValue(k), metText(k)]),
      },
      {
        heading: 'III. Tình hình thực hiện từng nhiệm vụ',
        columns: ['Mã', 'Nhiệm vụ', 'Chủ trì', 'Thời hạn', 'Trạng thái', '%'],
        widths: [1.2, 7, 3.6, 2.2, 2.6, 1.2],
        align: ['left', 'left', 'left', 'left', 'left', 'right'],
        rows: r.tasks.map((t) => [
          t.code,
          t.latestReport?.note
            ? `${t.title}\nBáo cáo ${dmy(t.latestReport.reportedOn)}: ${t.latestReport.note}`
            : t.title,
          t.lead ?? '',
          deadlineOf(t),
          `${STATUS_VI[t.status] ?? t.status}${t.overdue ? ' (quá hạn)' : ''}`,
          String(t.progress),
        ]),
      },
    ],
  });
}
