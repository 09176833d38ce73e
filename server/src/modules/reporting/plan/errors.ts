import { defineErrors } from '../../../platform/errors.ts';

/** Errors of the digital-transformation plan: import, progress reports, KPI values, reports. */
export const PlanErrors = defineErrors('PLAN', {
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy kế hoạch.', en: 'No such plan.' },
  TASK_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy nhiệm vụ của kế hoạch.',
    en: 'No such task in the plan.',
  },
  KPI_NOT_FOUND: { status: 404, vi: 'Không tìm thấy chỉ tiêu của kế hoạch.', en: 'No such KPI in the plan.' },
  REPORT_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy báo cáo tiến độ hoặc tệp minh chứng.',
    en: 'No such progress report or evidence file.',
  },
  EXISTS: {
    status: 409,
    vi: 'Đã có kế hoạch cùng số ký hiệu.',
    en: 'A plan with this number already exists.',
  },
  IMPORT_INVALID: {
    status: 400,
    vi: 'Tệp kế hoạch có lỗi; chưa có gì được ghi.',
    en: 'The plan file has errors; nothing was written.',
  },
  IMPORT_FORMAT: {
    status: 415,
    vi: 'Chỉ nhận tệp CSV (UTF-8) hoặc Excel .xlsx.',
    en: 'Only CSV (UTF-8) or Excel .xlsx files are accepted.',
  },
  IMPORT_EMPTY: { status: 400, vi: 'Tệp kế hoạch trống.', en: 'The plan file is empty.' },
  REPORT_INVALID: {
    status: 400,
    vi: 'Báo cáo tiến độ không hợp lệ.',
    en: 'The progress report is invalid.',
  },
  EVIDENCE_EMPTY: { status: 400, vi: 'Tệp minh chứng trống.', en: 'The evidence file is empty.' },
  EVIDENCE_TOO_LARGE: { status: 413, vi: 'Tệp minh chứng quá lớn.', en: 'The evidence file is too large.' },
  EVIDENCE_TYPE: {
    status: 415,
    vi: 'Chỉ nhận minh chứng là tệp PDF, JPEG hoặc PNG.',
    en: 'Evidence must be a PDF, JPEG or PNG file.',
  },
  TASK_INVALID: { status: 400, vi: 'Thông tin nhiệm vụ không hợp lệ.', en: 'The task data is invalid.' },
  PERIOD_INVALID: {
    status: 400,
    vi: 'Kỳ báo cáo không hợp lệ; dùng dạng 2026-H1 (6 tháng đầu năm) hoặc 2026 (cả năm).',
    en: 'Invalid reporting period; use 2026-H1 (first half) or 2026 (whole year).',
  },
});
