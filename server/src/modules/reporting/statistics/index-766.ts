/**
 * The Decision 766 service-quality index (DOMAIN.md §3) for one unit and period, from the one-stop
 * figures and the procedure counts. The weights come from the configuration in force
 * (index-config.ts); which data each component is measured on is decided here. A component the
 * platform has no data for (no payment or feedback module yet, no national-portal sync) is marked
 * unavailable and left out of both the score and `measuredMax`, never scored as zero or as full.
 */
import type { DossierSet } from './dossier-sets.ts';
import { INDEX_GROUPS, type IndexConfig, type IndexGroup } from './index-config.ts';
import type { OneStopRow } from './one-stop.ts';
import type { ProcedureCounts, ProcedureSet } from './services.ts';

type Label = { vi: string; en: string };

export const GROUP_NAMES: Readonly<Record<IndexGroup, Label>> = {
  CKMB: { vi: 'Công khai, minh bạch', en: 'Transparency' },
  TDGQ: { vi: 'Tiến độ giải quyết', en: 'Processing progress' },
  CLGQ: { vi: 'Dịch vụ công trực tuyến', en: 'Online services' },
  TTTT: { vi: 'Thanh toán trực tuyến', en: 'Online payment' },
  MDHL: { vi: 'Mức độ hài lòng', en: 'Satisfaction' },
  MDSH: { vi: 'Số hóa hồ sơ', en: 'Digitization' },
};

/** What a component is measured on: two counts, each drillable to the dossiers (or procedures) behind it. */
type Measured = {
  numerator: number;
  denominator: number;
  drill: {
    numerator: DossierSet | null;
    denominator: DossierSet | null;
    /** For counts of procedures: the procedure lists (GET /api/reporting/procedures?set=…). */
    procedures?: { numerator: ProcedureSet; denominator: ProcedureSet };
  };
};
type Source = {
  name: Label;
  measure: (f: OneStopRow, p: ProcedureCounts, cfg: ComponentConfig) => Measured | Label;
};
type ComponentConfig = IndexConfig['groups'][IndexGroup]['components'][string];

const NOT_YET = (what: Label): Label => ({
  vi: `Chưa có dữ liệu: ${what.vi}.`,
  en: `No data yet: ${what.en}.`,
});
const NO_SYNC = NOT_YET({
  vi: 'nền tảng chưa kết nối Cổng Dịch vụ công quốc gia / Cơ sở dữ liệu quốc gia về TTHC',
  en: 'the platform does not sync with the national portal / procedure database yet',
});
const NO_PAYMENT = NOT_YET({
  vi: 'chưa có phân hệ thanh toán trực tuyến',
  en: 'no online-payment module yet',
});
const NO_FEEDBACK = NOT_YET({ vi: 'chưa có phân hệ phản ánh, kiến nghị', en: 'no feedback module yet' });
const NO_POPULATION = NOT_YET({
  vi: 'chưa kết nối Cơ sở dữ liệu quốc gia về dân cư và kho dữ liệu công dân',
  en: 'not connected to the national population database or the citizens’ data store',
});

const SOURCES: Readonly<Record<string, Source>> = {
  // CKMB
  published_on_time: {
    name: { vi: 'Công bố, công khai TTHC đúng hạn', en: 'Procedures published on time' },
    measure: () => NO_SYNC,
  },
  updated_national: {
    name: { vi: 'Cập nhật TTHC lên CSDL quốc gia đúng hạn', en: 'Updated on the national database on time' },
    measure: () => NO_SYNC,
  },
  fully_published: {
    name: { vi: 'Công khai đầy đủ TTHC', en: 'Procedures fully published' },
    measure: () => NO_SYNC,
  },
  synced_national: {
    name: { vi: 'Đồng bộ hồ sơ lên Cổng DVC quốc gia', en: 'Dossiers synced to the national portal' },
    measure: () => NO_SYNC,
  },
  // TDGQ
  in_time: {
    name: { vi: 'Hồ sơ giải quyết trước và đúng hạn', en: 'Dossiers resolved early or on time' },
    measure: (f, _p, cfg) => ({
      numerator: f.counts.resolved_in_time,
      denominator: cfg.denominator === 'resolved' ? f.counts.resolved : f.counts.received,
      drill: {
        numerator: 'resolved_in_time',
        denominator: cfg.denominator === 'resolved' ? 'resolved' : 'received',
      },
    }),
  },
  // CLGQ
  procedures_online: {
    name: { vi: 'TTHC cung cấp dịch vụ công trực tuyến', en: 'Procedures offered online' },
    measure: (_f, p) => ({
      numerator: p.online,
      denominator: p.total,
      drill: { numerator: null, denominator: null, procedures: { numerator: 'online', denominator: 'all' } },
    }),
  },
  online_services_used: {
    name: { vi: 'Dịch vụ công trực tuyến phát sinh hồ sơ', en: 'Online services that received dossiers' },
    measure: (_f, p) => ({
      numerator: p.onlineWithDossiers,
      denominator: p.online,
      drill: {
        numerator: null,
        denominator: null,
        procedures: { numerator: 'online_used', denominator: 'online' },
      },
    }),
  },
  online_dossiers: {
    name: { vi: 'Hồ sơ nộp trực tuyến', en: 'Dossiers filed online' },
    measure: (f) => ({
      numerator: f.counts.online_counted,
      denominator: f.counts.received,
      drill: { numerator: 'online_counted', denominator: 'received' },
    }),
  },
  // TTTT
  paid_online: {
    name: { vi: 'Hồ sơ thanh toán trực tuyến', en: 'Dossiers paid online' },
    measure: () => NO_PAYMENT,
  },
  procedures_paid_online: {
    name: { vi: 'TTHC có thanh toán trực tuyến thành công', en: 'Fee procedures with an online payment' },
    measure: () => NO_PAYMENT,
  },
  fee_procedures_used: {
    name: { vi: 'TTHC có phí, lệ phí phát sinh hồ sơ', en: 'Fee procedures that received dossiers' },
    measure: (_f, p) => ({
      numerator: p.withFeeAndDossiers,
      denominator: p.withFee,
      drill: {
        numerator: null,
        denominator: null,
        procedures: { numerator: 'fee_used', denominator: 'fee' },
      },
    }),
  },
  // MDHL
  feedback_on_time: {
    name: { vi: 'Xử lý phản ánh, kiến nghị đúng hạn', en: 'Feedback handled on time' },
    measure: () => NO_FEEDBACK,
  },
  feedback_satisfaction: {
    name: { vi: 'Hài lòng về xử lý phản ánh, kiến nghị', en: 'Satisfaction with feedback handling' },
    measure: () => NO_FEEDBACK,
  },
  dossier_satisfaction: {
    name: { vi: 'Hài lòng trong giải quyết TTHC', en: 'Satisfaction with dossier processing' },
    // 100% − (overdue rate + unsatisfied rate), DOMAIN.md §3: overdue = resolved late or open past
    // the deadline, over the dossiers resolved or open; unsatisfied = 1–2 stars over the ratings.
    measure: (f) => {
      const handled = f.counts.resolved + f.counts.pending;
      if (handled === 0 && f.counts.rated === 0)
        return { numerator: 0, denominator: 0, drill: { numerator: null, denominator: null } };
      const overdue = handled > 0 ? (f.counts.resolved_late + f.counts.pending_overdue) / handled : 0;
      const unhappy = f.counts.rated > 0 ? f.counts.rated_low / f.counts.rated : 0;
      const rate = Math.max(0, 1 - overdue - unhappy);
      // Expressed as a fraction of 10 000 so the drill-down still has whole numbers to show.
      return {
        numerator: Math.round(rate * 10_000),
        denominator: 10_000,
        drill: { numerator: 'resolved_late', denominator: 'rated_low' },
      };
    },
  },
  // MDSH
  e_result: {
    name: { vi: 'Cấp kết quả giải quyết TTHC điện tử', en: 'Electronic results issued' },
    measure: (f) => ({
      numerator: f.counts.approved_with_e_result,
      denominator: f.counts.approved,
      drill: { numerator: 'approved_with_e_result', denominator: 'approved' },
    }),
  },
  digitized: {
    name: { vi: 'Số hóa hồ sơ khi tiếp nhận', en: 'Dossiers digitized at intake' },
    measure: (f) => ({
      numerator: f.counts.digitized,
      denominator: f.counts.digitizable,
      drill: { numerator: 'digitized', denominator: 'digitizable' },
    }),
  },
  reused: {
    name: { vi: 'Khai thác, tái sử dụng dữ liệu đã số hóa', en: 'Digitized data reused' },
    measure: (f) => ({
      numerator: f.counts.reused,
      denominator: f.counts.received,
      drill: { numerator: 'reused', denominator: 'received' },
    }),
  },
  citizen_store_sync: {
    name: {
      vi: 'Đồng bộ kết quả vào kho dữ liệu công dân',
      en: 'Results synced to the citizens’ data store',
    },
    measure: () => NO_POPULATION,
  },
  population_procedures: {
    name: { vi: 'TTHC kết nối CSDL quốc gia về dân cư', en: 'Procedures connected to population data' },
    measure: () => NO_POPULATION,
  },
  population_dossiers: {
    name: { vi: 'Hồ sơ sử dụng dữ liệu dân cư', en: 'Dossiers using population data' },
    measure: () => NO_POPULATION,
  },
  e_certified_copies: {
    name: { vi: 'Chứng thực bản sao điện tử', en: 'Electronic certified copies' },
    measure: () => NOT_YET({ vi: 'chưa có phân hệ chứng thực điện tử', en: 'no e-certification module yet' }),
  },
};

export type IndexComponent = {
  key: string;
  name: Label;
  max: number;
  available: boolean;
  numerator: number | null;
  denominator: number | null;
  rate: number | null;
  score: number | null;
  drill: Measured['drill'] | null;
  note: Label | null;
};

export type IndexGroupScore = {
  code: IndexGroup;
  name: Label;
  max: number;
  /** The points of the components the platform measures. */
  measuredMax: number;
  score: number;
  components: IndexComponent[];
};

export type IndexScore = { total: number; measuredMax: number; max: number; groups: IndexGroupScore[] };

const round2 = (x: number) => Math.round(x * 100) / 100;

export function scoreIndex(f: OneStopRow, p: ProcedureCounts, config: IndexConfig): IndexScore {
  const groups = INDEX_GROUPS.map((code): IndexGroupScore => {
    const group = config.groups[code];
    const components = Object.entries(group.components).map(([key, cfg]): IndexComponent => {
      const source = SOURCES[key];
      const name = source?.name ?? { vi: key, en: key };
      const measured =
        source?.measure(f, p, cfg) ??
        NOT_YET({ vi: 'chỉ tiêu chưa được hỗ trợ', en: 'component not supported' });
      if (!('numerator' in measured)) {
        return {
          key,
          name,
          max: cfg.max,
          available: false,
          numerator: null,
          denominator: null,
          rate: null,
          score: null,
          drill: null,
          note: measured,
        };
      }
      if (measured.denominator === 0) {
        // Nothing to measure (no dossier received, no fee procedure): the unit is not scored on
        // it, rather than given zero or full marks for work it had no occasion to do.
        const none = {
          vi: 'Không phát sinh trong kỳ: không tính điểm.',
          en: 'Nothing to measure in the period: not scored.',
        };
        return {
          key,
          name,
          max: cfg.max,
          available: true,
          numerator: measured.numerator,
          denominator: 0,
          rate: null,
          score: null,
          drill: measured.drill,
          note: none,
        };
      }
      const rate = Math.min(1, measured.numerator / measured.denominator);
      const score = Math.min(cfg.max, (cfg.max * rate) / (cfg.fullAt ?? 1));
      return {
        key,
        name,
        max: cfg.max,
        available: true,
        numerator: measured.numerator,
        denominator: measured.denominator,
        rate: Math.round(rate * 10_000) / 10_000,
        score: round2(score),
        drill: measured.drill,
        note: null,
      };
    });
    const available = components.filter((c) => c.score !== null);
    const measuredMax = Math.min(
      group.max,
      available.reduce((s, c) => s + c.max, 0),
    );
    const score = Math.min(
      group.max,
      available.reduce((s, c) => s + (c.score ?? 0), 0),
    );
    return {
      code,
      name: GROUP_NAMES[code],
      max: group.max,
      measuredMax: round2(measuredMax),
      score: round2(score),
      components,
    };
  });
  return {
    total: round2(groups.reduce((s, g) => s + g.score, 0)),
    measuredMax: round2(groups.reduce((s, g) => s + g.measuredMax, 0)),
    max: round2(groups.reduce((s, g) => s + g.max, 0)),
    groups,
  };
}
