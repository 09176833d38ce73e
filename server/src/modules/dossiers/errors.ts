import { defineErrors } from '../../platform/errors.ts';

/**
 * Errors of the dossier lifecycle. The generic message names the rule; `lifecycle.ts` adds a detail
 * naming the action, the dossier's status and the dates involved, in Vietnamese and English.
 */
export const DossierErrors = defineErrors('DOSSIER', {
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy hồ sơ.', en: 'No such dossier.' },
  FORM_INVALID: {
    status: 400,
    vi: 'Tờ khai chưa đầy đủ hoặc có thông tin chưa đúng: xem từng trường bên dưới.',
    en: 'The form is incomplete or has wrong entries: see each field below.',
  },
  NOT_A_DRAFT: {
    status: 409,
    vi: 'Chỉ sửa được tờ khai của hồ sơ chưa nộp (bản nháp).',
    en: 'Only the form of a dossier not yet filed (a draft) can be edited.',
  },
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
  UNKNOWN_AGENCY: {
    status: 422,
    vi: 'Không có cơ quan, đơn vị này (hoặc đơn vị đã ngừng hoạt động).',
    en: 'No such agency (or it is no longer active).',
  },
  UNKNOWN_COMMUNE: {
    status: 422,
    vi: 'Không có xã, phường, đặc khu này.',
    en: 'No such commune.',
  },
  AGENCY_NOT_COMPETENT: {
    status: 422,
    vi: 'Cơ quan này không có thẩm quyền giải quyết thủ tục ở cấp của mình.',
    en: 'This agency is not competent for the procedure at its level.',
  },
  HANDLER_NOT_ELIGIBLE: {
    status: 422,
    vi: 'Người được giao xử lý phải là chuyên viên hoặc lãnh đạo của cơ quan giải quyết hồ sơ.',
    en: 'The handler must be a specialist or leader of the agency that decides the dossier.',
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
  EXTENSION_TOO_LONG: {
    status: 422,
    vi: 'Ngày hẹn trả mới vượt quá thời hạn gia hạn tối đa.',
    en: 'The new due date is beyond the longest extension allowed.',
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
  FORM_NOT_ISSUED: {
    status: 409,
    vi: 'Hồ sơ chưa được cấp phiếu (mẫu) này.',
    en: 'This form has not been issued for the dossier.',
  },
});

/** Errors of a dossier's files: what was sent, and whether it may be added now. */
export const DossierFileErrors = defineErrors('DOSSIER_FILE', {
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy tệp.', en: 'No such file.' },
  TYPE_NOT_ACCEPTED: {
    status: 415,
    vi: 'Chỉ nhận tệp PDF, JPEG hoặc PNG.',
    en: 'Only PDF, JPEG or PNG files are accepted.',
  },
  EMPTY: { status: 400, vi: 'Tệp rỗng.', en: 'The file is empty.' },
  TOO_LARGE: {
    status: 413,
    vi: 'Tệp quá lớn.',
    en: 'The file is too large.',
  },
  DOSSIER_TOO_LARGE: {
    status: 413,
    vi: 'Tổng dung lượng tệp của hồ sơ vượt giới hạn.',
    en: 'The files of this dossier exceed the total size allowed.',
  },
  DAILY_QUOTA: {
    status: 429,
    vi: 'Bạn đã tải lên quá dung lượng cho phép trong ngày.',
    en: 'You have uploaded more than allowed today.',
  },
  NO_SUCH_COMPONENT: {
    status: 400,
    vi: 'Thủ tục này không có thành phần hồ sơ đó.',
    en: 'This procedure has no such document component.',
  },
  NOT_NOW: {
    status: 409,
    vi: 'Lúc này không thể thêm hoặc gỡ tệp của hồ sơ.',
    en: 'Files cannot be added to or removed from this dossier now.',
  },
  NOT_IN_WALLET: {
    status: 404,
    vi: 'Giấy tờ này không có trong kho giấy tờ của bạn.',
    en: 'This document is not in your document wallet.',
  },
  NOTHING_DIGITIZED: {
    status: 409,
    vi: 'Chưa có bản quét thành phần hồ sơ nào: hãy tải bản quét lên trước khi đánh dấu đã số hóa.',
    en: 'No component has been scanned yet: upload the scans before marking the dossier digitized.',
  },
  ALREADY_DIGITIZED: {
    status: 409,
    vi: 'Hồ sơ đã được đánh dấu số hóa.',
    en: 'The dossier is already marked digitized.',
  },
  NO_ELECTRONIC_RESULT: {
    status: 409,
    vi: 'Chưa có kết quả điện tử: hãy tải tệp kết quả lên trước khi trả kết quả trực tuyến.',
    en: 'There is no electronic result yet: upload the result file before returning it electronically.',
  },
});
