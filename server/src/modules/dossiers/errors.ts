import { defineErrors } from '../../platform/errors.ts';

/**
 * Errors of the dossier lifecycle. The generic message names the rule; `lifecycle.ts` adds a detail
 * naming the action, the dossier's status and the dates involved, in Vietnamese and English.
 */
export const DossierErrors = defineErrors('DOSSIER', {
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy hồ sơ.', en: 'No such dossier.' },
  NOT_RATABLE: {
    status: 409,
    vi: 'Chỉ đánh giá được sau khi đã nhận kết quả, và mỗi hồ sơ một lần.',
    en: 'A dossier can be rated only after its result is returned, and once.',
  },
  NOT_OFFERED: {
    status: 409,
    vi: 'Thủ tục này chưa được cung cấp trên cổng dịch vụ công của tỉnh.',
    en: "This procedure is not offered on the province's portal.",
  },
  NOT_ONLINE: {
    status: 409,
    vi: 'Thủ tục này chưa nhận hồ sơ trực tuyến; vui lòng nộp tại Bộ phận Một cửa.',
    en: 'This procedure does not take online dossiers; please file at the one-stop desk.',
  },
  NO_DURATION: {
    status: 409,
    vi: 'Thủ tục chưa có thời hạn giải quyết trong danh mục; cần cập nhật danh mục trước khi tiếp nhận.',
    en: 'The procedure has no processing time in the catalogue; update the catalogue before receiving.',
  },
  NO_AUTHORITY: {
    status: 400,
    vi: 'Chưa xác định được cơ quan giải quyết; hãy chọn xã, phường nơi nộp hồ sơ.',
    en: 'The deciding authority is unknown; choose the commune where you file.',
  },
  NOT_A_DESK: {
    status: 403,
    vi: 'Bạn không phải cán bộ một cửa của cơ quan tiếp nhận này.',
    en: 'You are not a one-stop desk officer of this receiving agency.',
  },
  ILLEGAL_TRANSITION: {
    status: 409,
    vi: 'Thao tác này không được phép ở trạng thái hiện tại của hồ sơ.',
    en: 'This action is not allowed in the dossier’s current status.',
  },
  WRONG_CHANNEL: {
    status: 409,
    vi: 'Thao tác này không áp dụng cho kênh nộp hồ sơ này.',
    en: 'This action does not apply to the channel the dossier came through.',
  },
  SUPPLEMENT_TOO_LATE: {
    status: 409,
    vi: 'Chỉ được yêu cầu bổ sung hồ sơ trong vòng 3 ngày làm việc kể từ ngày tiếp nhận.',
    en: 'A supplement may be requested only within 3 working days of receipt.',
  },
  EXTENSION_ALREADY_USED: {
    status: 409,
    vi: 'Hồ sơ chỉ được gia hạn (xin lỗi và hẹn lại ngày trả kết quả) một lần.',
    en: 'A dossier may be extended (apology and new date) only once.',
  },
  EXTENSION_TOO_LATE: {
    status: 409,
    vi: 'Phải xin lỗi và hẹn lại ngày trả kết quả chậm nhất 01 ngày làm việc trước ngày hẹn trả.',
    en: 'The apology and new date must be issued at least 1 working day before the due date.',
  },
  EXTENSION_DATE_NOT_LATER: {
    status: 400,
    vi: 'Ngày hẹn trả mới phải sau ngày hẹn trả hiện tại.',
    en: 'The new due date must be later than the current one.',
  },
  APPLICANT_ONLY: {
    status: 403,
    vi: 'Chỉ người nộp hồ sơ mới được thực hiện thao tác này.',
    en: 'Only the applicant may do this.',
  },
  INVALID_COMMAND: {
    status: 400,
    vi: 'Thông tin kèm theo thao tác chưa hợp lệ.',
    en: 'The data given with the action is invalid.',
  },
  TIME_BEFORE_LAST_EVENT: {
    status: 409,
    vi: 'Thời điểm thực hiện đứng trước một sự kiện đã ghi nhận của hồ sơ.',
    en: 'The time of the action is before an event already recorded on the dossier.',
  },
  INCONSISTENT_STATE: {
    status: 500,
    vi: 'Dữ liệu trạng thái hồ sơ không nhất quán.',
    en: 'The dossier’s stored state is inconsistent.',
  },
});
