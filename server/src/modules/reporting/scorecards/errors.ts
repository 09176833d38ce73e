import { defineErrors } from '../../../platform/errors.ts';

/**
 * Errors of the DX scorecards. Another agency's assessment is "forbidden" (403), not "not found":
 * which agencies are assessed is public, only their scores before review are not.
 */
export const ScorecardErrors = defineErrors('SCORECARD', {
  SET_NOT_FOUND: { status: 404, vi: 'Không tìm thấy bộ chỉ số.', en: 'No such criteria set.' },
  SET_EXISTS: {
    status: 409,
    vi: 'Đã có bộ chỉ số cùng mã cho năm này.',
    en: 'A criteria set with this code already exists for this year.',
  },
  INDICATORS_INVALID: {
    status: 400,
    vi: 'Danh sách chỉ tiêu không hợp lệ.',
    en: 'The list of indicators is invalid.',
  },
  NOT_DRAFT: {
    status: 409,
    vi: 'Chỉ sửa được chỉ tiêu khi bộ chỉ số còn là bản nháp.',
    en: 'Indicators can only be edited while the set is a draft.',
  },
  BAD_TRANSITION: {
    status: 409,
    vi: 'Không chuyển được trạng thái của bộ chỉ số như yêu cầu.',
    en: 'The criteria set cannot change to that status.',
  },
  NOT_OPEN: {
    status: 409,
    vi: 'Bộ chỉ số không mở để tự đánh giá (chưa mở hoặc đã đóng).',
    en: 'The criteria set is not open for self-assessment (not yet open, or closed).',
  },
  CLOSED: {
    status: 409,
    vi: 'Bộ chỉ số đã đóng, chỉ được xem.',
    en: 'The criteria set is closed and read-only.',
  },
  NOT_SUBJECT: {
    status: 404,
    vi: 'Cơ quan này không thuộc đối tượng đánh giá của bộ chỉ số.',
    en: 'This agency is not assessed by this criteria set.',
  },
  ALREADY_SUBMITTED: {
    status: 409,
    vi: 'Bản tự đánh giá đã gửi, không sửa được nữa.',
    en: 'The self-assessment has been submitted and can no longer be changed.',
  },
  SCORES_INVALID: {
    status: 400,
    vi: 'Điểm chấm không hợp lệ.',
    en: 'Some scores are invalid.',
  },
  INCOMPLETE: {
    status: 400,
    vi: 'Bản tự đánh giá chưa đủ để gửi.',
    en: 'The self-assessment is not complete enough to submit.',
  },
  NOT_SUBMITTED: {
    status: 409,
    vi: 'Bản đánh giá chưa được gửi nên chưa thẩm định được.',
    en: 'The assessment has not been submitted, so it cannot be reviewed yet.',
  },
  EVIDENCE_EMPTY: { status: 400, vi: 'Tệp minh chứng trống.', en: 'The evidence file is empty.' },
  EVIDENCE_TOO_LARGE: { status: 413, vi: 'Tệp minh chứng quá lớn.', en: 'The evidence file is too large.' },
  EVIDENCE_TYPE: {
    status: 415,
    vi: 'Chỉ nhận minh chứng là tệp PDF, JPEG hoặc PNG.',
    en: 'Evidence must be a PDF, JPEG or PNG file.',
  },
  EVIDENCE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy tệp minh chứng.', en: 'No such evidence file.' },
  INDICATOR_NOT_FOUND: {
    status: 400,
    vi: 'Bộ chỉ số không có chỉ tiêu này.',
    en: 'The criteria set has no such indicator.',
  },
  MEASURED: {
    status: 400,
    vi: 'Chỉ tiêu này được đo tự động từ dữ liệu nền tảng, không tự chấm.',
    en: 'This indicator is measured from platform data and is not self-scored.',
  },
});
