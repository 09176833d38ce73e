/**
 * The one-stop period report as a PDF (issue 6 §7): what an office files every month, quarter,
 * half-year and year — intake by channel, results early / on time / late, what is still open,
 * and the same by agency.
 */
import { renderReportPdf } from '../export/pdf.ts';
import type { OneStopReport, OneStopRow } from './one-stop.ts';
import type { Period } from './period.ts';

const n = (x: number) => x.toLocaleString('vi-VN');
const pct = (x: number | null) =>
  x === null
    ? '—'
    : `${(x * 100).toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}%`;
const share = (a: number, b: number) => (b > 0 ? pct(a / b) : '—');

function summaryRows(t: OneStopRow): string[][] {
  const c = t.counts;
  const all = c.carried_over + c.received;
  return [
    ['Tổng số hồ sơ tiếp nhận', n(all), ''],
    ['— Kỳ trước chuyển qua', n(c.carried_over), share(c.carried_over, all)],
    ['— Mới tiếp nhận trong kỳ', n(c.received), share(c.received, all)],
    ['   + Trực tiếp', n(c.received_direct), share(c.received_direct, c.received)],
    ['   + Trực tuyến', n(c.received_online), share(c.received_online, c.received)],
    ['   + Qua bưu chính công ích', n(c.received_postal), share(c.received_postal, c.received)],
    ['Số hóa khi tiếp nhận (hồ sơ giấy)', n(c.digitized), share(c.digitized, c.digitizable)],
    ['Từ chối tiếp nhận', n(c.refused_at_intake), ''],
    ['Lượt yêu cầu bổ sung', n(t.supplementRequests), ''],
  ];
}

function resultRows(t: OneStopRow): string[][] {
  const c = t.counts;
  return [
    ['Đã giải quyết', n(c.resolved), ''],
    ['— Trước hạn', n(c.resolved_early), share(c.resolved_early, c.resolved)],
    ['— Đúng hạn', n(c.resolved_on_time), share(c.resolved_on_time, c.resolved)],
    ['— Quá hạn', n(c.resolved_late), share(c.resolved_late, c.resolved)],
    ['Đang giải quyết', n(c.pending), ''],
    ['— Trong hạn', n(c.pending_on_time), share(c.pending_on_time, c.pending)],
    ['— Quá hạn', n(c.pending_overdue), share(c.pending_overdue, c.pending)],
    ['Công dân rút hồ sơ', n(c.withdrawn), ''],
    ['Dừng xử lý', n(c.suspended), ''],
    ['Đã trả kết quả (trong đó trả điện tử)', `${n(c.returned)} (${n(c.returned_electronic)})`, ''],
    ['Lượt đánh giá / hài lòng (4–5 sao)', n(c.rated), pct(t.rates.satisfied)],
    [
      'Thời gian giải quyết bình quân',
      t.averageWorkingDays === null ? '—' : `${t.averageWorkingDays.toLocaleString('vi-VN')} ngày làm việc`,
      '',
    ],
  ];
}

export function oneStopPdf(
  report: OneStopReport,
  period: Period,
  issuer: { name: string; parent?: string },
  place: string,
): Promise<Uint8Array> {
  const byUnit = report.rows.map((r) => [
    r.label.vi,
    n(r.counts.carried_over + r.counts.received),
    n(r.counts.resolved),
    n(r.counts.resolved_early),
    n(r.counts.resolved_on_time),
    n(r.counts.resolved_late),
    n(r.counts.pending_on_time),
    n(r.counts.pending_overdue),
  ]);
  const right = ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'] as const;
  return renderReportPdf({
    issuer,
    title: 'BÁO CÁO TÌNH HÌNH TIẾP NHẬN VÀ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
    subtitle: `Kỳ báo cáo: ${period.label.vi} (từ ${period.firstDate.split('-').reverse().join('/')} đến ${period.lastDate.split('-').reverse().join('/')})`,
    place,
    sections: [
      {
        heading: 'I. TÌNH HÌNH TIẾP NHẬN HỒ SƠ',
        columns: ['Chỉ tiêu', 'Số hồ sơ', 'Tỷ lệ'],
        rows: summaryRows(report.total),
        widths: [5, 2, 2],
        align: ['left', 'right', 'right'],
      },
      {
        heading: 'II. KẾT QUẢ GIẢI QUYẾT',
        columns: ['Chỉ tiêu', 'Số hồ sơ', 'Tỷ lệ'],
        rows: resultRows(report.total),
        widths: [5, 2, 2],
        align: ['left', 'right', 'right'],
      },
      ...(byUnit.length
        ? [
            {
              heading: 'III. CHI TIẾT THEO CƠ QUAN GIẢI QUYẾT',
              columns: [
                'Cơ quan',
                'Tiếp nhận',
                'Đã GQ',
                'Trước hạn',
                'Đúng hạn',
                'Quá hạn',
                'Đang GQ trong hạn',
                'Đang GQ quá hạn',
              ],
              rows: byUnit,
              widths: [4, 1.3, 1.3, 1.3, 1.3, 1.3, 1.5, 1.5],
              align: [...right],
            },
          ]
        : []),
    ],
  });
}
