/** The statistics tables as Excel workbooks, laid out like the one-stop reports offices file. */
import { toXlsx, type XlsxColumn } from '../export/xlsx.ts';
import type { RankingRow, UnitIndex } from './index-service.ts';
import type { OneStopReport, OneStopRow } from './one-stop.ts';
import type { Period } from './period.ts';
import type { ServiceRow } from './services.ts';

const subtitle = (period: Period, unit: string) => `Kỳ báo cáo: ${period.label.vi} · Đơn vị: ${unit}`;

const ONE_STOP_COLUMNS: XlsxColumn<OneStopRow>[] = [
  { header: 'Đơn vị / nhóm', value: (r) => r.label.vi, width: 40, format: 'text' },
  {
    header: 'Tổng số hồ sơ tiếp nhận',
    value: (r) => r.counts.carried_over + r.counts.received,
    format: 'integer',
  },
  { header: 'Kỳ trước chuyển qua', value: (r) => r.counts.carried_over, format: 'integer' },
  { header: 'Mới tiếp nhận', value: (r) => r.counts.received, format: 'integer' },
  { header: 'Trực tiếp', value: (r) => r.counts.received_direct, format: 'integer' },
  { header: 'Trực tuyến', value: (r) => r.counts.received_online, format: 'integer' },
  { header: 'Bưu chính công ích', value: (r) => r.counts.received_postal, format: 'integer' },
  { header: 'Đã giải quyết', value: (r) => r.counts.resolved, format: 'integer' },
  { header: 'Trước hạn', value: (r) => r.counts.resolved_early, format: 'integer' },
  { header: 'Đúng hạn', value: (r) => r.counts.resolved_on_time, format: 'integer' },
  { header: 'Quá hạn', value: (r) => r.counts.resolved_late, format: 'integer' },
  { header: 'Tỷ lệ trước và đúng hạn', value: (r) => r.rates.inTime, format: 'percent' },
  { header: 'Đang giải quyết trong hạn', value: (r) => r.counts.pending_on_time, format: 'integer' },
  { header: 'Đang giải quyết quá hạn', value: (r) => r.counts.pending_overdue, format: 'integer' },
  { header: 'Từ chối tiếp nhận', value: (r) => r.counts.refused_at_intake, format: 'integer' },
  { header: 'Rút hồ sơ', value: (r) => r.counts.withdrawn, format: 'integer' },
  { header: 'Dừng xử lý', value: (r) => r.counts.suspended, format: 'integer' },
  { header: 'Lượt yêu cầu bổ sung', value: (r) => r.supplementRequests, format: 'integer' },
  { header: 'Tỷ lệ số hóa', value: (r) => r.rates.digitization, format: 'percent' },
  { header: 'Tỷ lệ trực tuyến', value: (r) => r.rates.online, format: 'percent' },
  { header: 'Lượt đánh giá', value: (r) => r.counts.rated, format: 'integer' },
  { header: 'Điểm hài lòng bình quân', value: (r) => r.averageRating, format: 'decimal' },
  { header: 'Số ngày làm việc bình quân', value: (r) => r.averageWorkingDays, format: 'decimal' },
];

export function oneStopXlsx(report: OneStopReport, period: Period, unit: string): Promise<Buffer> {
  return toXlsx([
    {
      name: 'Một cửa',
      title: 'Tình hình tiếp nhận và giải quyết hồ sơ thủ tục hành chính',
      subtitle: subtitle(period, unit),
      columns: ONE_STOP_COLUMNS,
      rows: report.rows,
      total: report.total,
    },
  ]);
}

const KIND_NAMES = { full: 'Toàn trình', partial: 'Một phần', offline: 'Chưa cung cấp trực tuyến' } as const;

export function servicesXlsx(rows: ServiceRow[], period: Period, unit: string): Promise<Buffer> {
  return toXlsx([
    {
      name: 'Dịch vụ công',
      title: 'Tình hình cung cấp dịch vụ công trực tuyến',
      subtitle: subtitle(period, unit),
      columns: [
        { header: 'Loại dịch vụ', value: (r: ServiceRow) => KIND_NAMES[r.kind], width: 28 },
        { header: 'Số TTHC', value: (r: ServiceRow) => r.procedures, format: 'integer' },
        { header: 'TTHC phát sinh hồ sơ', value: (r: ServiceRow) => r.withDossiers, format: 'integer' },
        {
          header: 'TTHC phát sinh hồ sơ trực tuyến',
          value: (r: ServiceRow) => r.withOnlineDossiers,
          format: 'integer',
        },
        { header: 'Hồ sơ tiếp nhận', value: (r: ServiceRow) => r.received, format: 'integer' },
        { header: 'Hồ sơ trực tuyến', value: (r: ServiceRow) => r.receivedOnline, format: 'integer' },
        { header: 'Tỷ lệ trực tuyến', value: (r: ServiceRow) => r.onlineShare, format: 'percent' },
      ],
      rows,
    },
  ]);
}

type ComponentLine = {
  group: string;
  name: string;
  max: number;
  numerator: number | null;
  denominator: number | null;
  rate: number | null;
  score: number | null;
  note: string;
};

export function indexXlsx(unit: UnitIndex, period: Period): Promise<Buffer> {
  const lines: ComponentLine[] = unit.index.groups.flatMap((g) =>
    g.components.map((c) => ({
      group: `${g.code} – ${g.name.vi}`,
      name: c.name.vi,
      max: c.max,
      numerator: c.numerator,
      denominator: c.denominator,
      rate: c.rate,
      score: c.score,
      note: c.note?.vi ?? '',
    })),
  );
  return toXlsx([
    {
      name: 'Chỉ số 766',
      title: 'Chỉ số chất lượng phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)',
      subtitle: `${subtitle(period, unit.unit.name.vi)} · Cấu hình áp dụng từ ${unit.configEffectiveFrom.split('-').reverse().join('/')}`,
      columns: [
        { header: 'Nhóm chỉ số', value: (r: ComponentLine) => r.group, width: 34 },
        { header: 'Tiêu chí', value: (r: ComponentLine) => r.name, width: 46 },
        { header: 'Điểm tối đa', value: (r: ComponentLine) => r.max, format: 'decimal' },
        { header: 'Tử số', value: (r: ComponentLine) => r.numerator, format: 'integer' },
        { header: 'Mẫu số', value: (r: ComponentLine) => r.denominator, format: 'integer' },
        { header: 'Tỷ lệ', value: (r: ComponentLine) => r.rate, format: 'percent' },
        { header: 'Điểm đạt', value: (r: ComponentLine) => r.score, format: 'decimal' },
        { header: 'Ghi chú', value: (r: ComponentLine) => r.note, width: 60 },
      ],
      rows: lines,
      total: {
        group: 'Tổng cộng',
        name: `Đo được ${unit.index.measuredMax}/${unit.index.max} điểm`,
        max: unit.index.max,
        numerator: null,
        denominator: null,
        rate: null,
        score: unit.index.total,
        note: '',
      },
    },
  ]);
}

export function rankingXlsx(
  rows: RankingRow[],
  period: Period,
  level: 'province' | 'commune',
): Promise<Buffer> {
  const groups = rows[0]?.index.groups.map((g) => g.code) ?? [];
  return toXlsx([
    {
      name: 'Xếp hạng 766',
      title: `Xếp hạng chỉ số 766 ${level === 'commune' ? 'các xã, phường' : 'các sở, ban, ngành'}`,
      subtitle: subtitle(period, 'Toàn tỉnh'),
      columns: [
        { header: 'Hạng', value: (r: RankingRow) => r.rank, format: 'integer', width: 8 },
        { header: 'Cơ quan, đơn vị', value: (r: RankingRow) => r.name.vi, width: 44 },
        ...groups.map(
          (code): XlsxColumn<RankingRow> => ({
            header: code,
            value: (r) => r.index.groups.find((g) => g.code === code)?.score ?? null,
            format: 'decimal',
            width: 10,
          }),
        ),
        { header: 'Tổng điểm', value: (r: RankingRow) => r.index.total, format: 'decimal' },
        { header: 'Điểm đo được tối đa', value: (r: RankingRow) => r.index.measuredMax, format: 'decimal' },
        {
          header: 'Tỷ lệ đạt',
          value: (r: RankingRow) => (r.index.measuredMax > 0 ? r.index.total / r.index.measuredMax : null),
          format: 'percent',
        },
      ],
      rows,
    },
  ]);
}
