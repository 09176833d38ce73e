import { defineErrors } from '../../../platform/errors.ts';

export const StatisticsErrors = defineErrors('STATISTICS', {
  BAD_PERIOD: { status: 400, vi: 'Kỳ báo cáo không hợp lệ.', en: 'Invalid reporting period.' },
  PERIOD_OUT_OF_RANGE: {
    status: 422,
    vi: 'Không có số liệu thống kê cho kỳ báo cáo này.',
    en: 'No statistics can be asked for this period.',
  },
  UNKNOWN_AGENCY: { status: 404, vi: 'Không tìm thấy cơ quan, đơn vị.', en: 'No such agency.' },
  CONFIG_EXISTS: {
    status: 409,
    vi: 'Đã có cấu hình chỉ số áp dụng từ ngày này.',
    en: 'An index configuration already takes effect on that date.',
  },
  CONFIG_INVALID: {
    status: 400,
    vi: 'Cấu hình chỉ số không hợp lệ.',
    en: 'Invalid index configuration.',
  },
});
