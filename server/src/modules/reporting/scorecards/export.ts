import { toXlsx, type XlsxColumn } from '../export/xlsx.ts';
import type { RankedAgency, Ranking } from './ranking.ts';

const STATUS_VI: Record<RankedAgency['status'], string> = {
  submitted: 'Đã tự đánh giá (chưa thẩm định)',
  reviewed: 'Đã thẩm định',
};

/** The ranking as the DX office files it: one row per agency, pillars, total, last year beside it. */
export async function rankingWorkbook(r: Ranking): Promise<Buffer> {
  const prevYear = r.previousSet?.year;
  const columns: XlsxColumn<RankedAgency>[] = [
    { header: 'Xếp hạng', value: (x) => x.rank, format: 'integer', width: 10 },
    { header: 'Cơ quan, đơn vị', value: (x) => x.agency.name.vi, format: 'text', width: 44 },
    ...r.pillars.map(
      (p): XlsxColumn<RankedAgency> => ({
        header: `${p.name} (tối đa ${p.maxPoints})`,
        value: (x) => x.pillars[p.name] ?? 0,
        format: 'decimal',
        width: 16,
      }),
    ),
    { header: `Tổng điểm (tối đa ${r.maxTotal})`, value: (x) => x.total, format: 'decimal', width: 16 },
    { header: 'Chỉ số (0–1)', value: (x) => x.normalised, format: 'decimal', width: 12 },
  ];
  if (prevYear)
    columns.push(
      {
        header: `Xếp hạng ${prevYear}`,
        value: (x) => x.previous?.rank ?? null,
        format: 'integer',
        width: 12,
      },
      {
        header: `Chỉ số ${prevYear}`,
        value: (x) => x.previous?.normalised ?? null,
        format: 'decimal',
        width: 12,
      },
      {
        header: 'Thay đổi chỉ số',
        value: (x) => x.change?.normalised ?? null,
        format: 'decimal',
        width: 14,
      },
      {
        header: 'Thay đổi hạng (+ là tăng)',
        value: (x) => x.change?.rank ?? null,
        format: 'integer',
        width: 14,
      },
    );
  columns.push({ header: 'Trạng thái', value: (x) => STATUS_VI[x.status], format: 'text', width: 30 });
  const subtitle = [
    `Năm đánh giá: ${r.set.year}`,
    `Mã bộ chỉ số: ${r.set.code}`,
    prevYear ? `So sánh với năm ${prevYear}` : 'Chưa có năm trước để so sánh',
    r.provisional ? 'Có kết quả chưa thẩm định' : 'Kết quả đã thẩm định',
  ].join(' · ');
  return toXlsx([{ name: `Xếp hạng ${r.set.year}`, title: r.set.name, subtitle, columns, rows: r.rows }]);
}
