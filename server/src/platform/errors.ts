/**
 * Typed domain errors. Each module declares its codes once with `defineErrors`, whose Record type
 * makes the compiler demand a Vietnamese and an English message for every code. Routes never build
 * error bodies themselves: the HTTP layer turns a DomainError into RFC 9457 problem+json.
 */
export type ErrorSpec = { status: number; vi: string; en: string };

/** A problem with one input field, e.g. `query.level`. */
export type FieldError = { field: string; vi: string; en: string };

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: string,
    readonly spec: ErrorSpec,
    readonly detail?: { vi: string; en: string },
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(`${code}: ${detail?.en ?? spec.en}`);
  }
  get status(): number {
    return this.spec.status;
  }
}

export type ErrorCatalog<C extends string> = {
  specs: Readonly<Record<C, ErrorSpec>>;
  create(code: C, detail?: { vi: string; en: string }, fieldErrors?: FieldError[]): DomainError;
};

export function defineErrors<const C extends string>(
  prefix: string,
  specs: Record<C, ErrorSpec>,
): ErrorCatalog<C> {
  return {
    specs,
    create: (code, detail, fieldErrors) =>
      new DomainError(`${prefix}.${code}`, specs[code], detail, fieldErrors ?? []),
  };
}

/** Errors of the HTTP layer itself, shared by every module. */
export const HttpErrors = defineErrors('HTTP', {
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy địa chỉ yêu cầu.', en: 'No such resource.' },
  METHOD_NOT_ALLOWED: {
    status: 405,
    vi: 'Địa chỉ này không hỗ trợ phương thức yêu cầu.',
    en: 'This resource does not support the request method.',
  },
  MALFORMED_JSON: {
    status: 400,
    vi: 'Nội dung gửi lên không phải JSON hợp lệ.',
    en: 'The request body is not valid JSON.',
  },
  EMPTY_JSON_BODY: {
    status: 400,
    vi: 'Yêu cầu khai báo JSON nhưng nội dung trống.',
    en: 'The request declares JSON but its body is empty.',
  },
  VALIDATION: {
    status: 400,
    vi: 'Dữ liệu gửi lên không hợp lệ.',
    en: 'The request has invalid data.',
  },
  BAD_REQUEST: { status: 400, vi: 'Yêu cầu không hợp lệ.', en: 'Bad request.' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    vi: 'Kiểu nội dung không được hỗ trợ; hãy gửi application/json.',
    en: 'Unsupported content type; send application/json.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    vi: 'Nội dung gửi lên vượt quá dung lượng cho phép.',
    en: 'The request body is larger than allowed.',
  },
  URI_TOO_LONG: { status: 414, vi: 'Địa chỉ yêu cầu quá dài.', en: 'The request URI is too long.' },
  HEADER_TOO_LARGE: {
    status: 431,
    vi: 'Phần đầu yêu cầu quá lớn.',
    en: 'The request headers are too large.',
  },
  TOO_MANY_REQUESTS: {
    status: 429,
    vi: 'Quá nhiều yêu cầu; vui lòng thử lại sau.',
    en: 'Too many requests; please try again later.',
  },
  // The last resort for a database constraint that a request reached unchecked (issue 25, finding
  // 5): each is a bug to fix where the id or value should have been checked, answered meanwhile as
  // the client's problem without a word of SQL.
  DATA_CONFLICT: {
    status: 409,
    vi: 'Dữ liệu này đã tồn tại; không thể tạo trùng.',
    en: 'This already exists; it cannot be created twice.',
  },
  DATA_IN_USE: {
    status: 409,
    vi: 'Dữ liệu này đang được dữ liệu khác sử dụng nên không thể thay đổi hoặc xoá.',
    en: 'Other records use this, so it cannot be changed or removed.',
  },
  DATA_UNKNOWN_REFERENCE: {
    status: 422,
    vi: 'Yêu cầu nhắc đến một đối tượng không tồn tại.',
    en: 'The request names something that does not exist.',
  },
  DATA_INVALID: {
    status: 422,
    vi: 'Yêu cầu có giá trị thiếu, sai dạng, quá dài hoặc ngoài phạm vi cho phép.',
    en: 'The request has a value that is missing, malformed, too long or out of range.',
  },
  NOT_READY: {
    status: 503,
    vi: 'Hệ thống chưa sẵn sàng.',
    en: 'The service is not ready.',
  },
  INTERNAL: {
    status: 500,
    vi: 'Đã xảy ra lỗi hệ thống; vui lòng thử lại sau.',
    en: 'An internal error occurred; please try again later.',
  },
});
