import { defineErrors } from '../../platform/errors.ts';

export const IdentityErrors = defineErrors('IDENTITY', {
  INVALID_CREDENTIALS: {
    status: 401,
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'Wrong login or password.',
  },
  ACCOUNT_LOCKED: {
    status: 423,
    vi: 'Tài khoản đang bị tạm khóa do nhập sai mật khẩu nhiều lần.',
    en: 'The account is temporarily locked after too many wrong passwords.',
  },
  ACCOUNT_DISABLED: {
    status: 403,
    vi: 'Tài khoản đã bị vô hiệu hóa; liên hệ quản trị viên.',
    en: 'The account is disabled; contact an administrator.',
  },
  ACCOUNT_NOT_VERIFIED: {
    status: 403,
    vi: 'Tài khoản chưa được xác minh; hãy mở liên kết trong thư xác minh.',
    en: 'The account is not verified yet; open the link in the verification e-mail.',
  },
  TOTP_INVALID: {
    status: 401,
    vi: 'Mã xác thực hai lớp không đúng hoặc đã hết hạn.',
    en: 'The two-factor code is wrong or expired.',
  },
  INVALID_INPUT: { status: 400, vi: 'Thông tin chưa hợp lệ.', en: 'Some information is invalid.' },
  WEAK_PASSWORD: { status: 400, vi: 'Mật khẩu chưa đủ mạnh.', en: 'The password is not strong enough.' },
  ALREADY_REGISTERED: {
    status: 409,
    vi: 'Thông tin này đã được dùng cho một tài khoản khác.',
    en: 'This information is already used by another account.',
  },
  TOKEN_INVALID: {
    status: 400,
    vi: 'Liên kết không hợp lệ, đã dùng hoặc đã hết hạn.',
    en: 'The link is invalid, used or expired.',
  },
  NOT_SIGNED_IN: { status: 401, vi: 'Bạn cần đăng nhập.', en: 'You need to sign in.' },
  FORBIDDEN: { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You may not do this.' },
  CSRF: {
    status: 403,
    vi: 'Yêu cầu thiếu mã chống giả mạo (CSRF); hãy tải lại trang.',
    en: 'The request lacks its anti-forgery (CSRF) token; reload the page.',
  },
  LAST_SYSTEM_ADMIN: {
    status: 409,
    vi: 'Đây là quản trị hệ thống cuối cùng còn hoạt động; hãy cấp quyền cho người khác trước khi vô hiệu hóa hoặc thu hồi quyền của người này.',
    en: 'This is the last active system administrator; make someone else one before disabling or demoting them.',
  },
  PERSON_NOT_FOUND: { status: 404, vi: 'Không tìm thấy tài khoản.', en: 'No such account.' },
  AGENCY_NOT_FOUND: { status: 404, vi: 'Không tìm thấy cơ quan.', en: 'No such agency.' },
  SESSION_NOT_FOUND: { status: 404, vi: 'Không tìm thấy phiên đăng nhập.', en: 'No such session.' },
  CLIENT_EXISTS: {
    status: 409,
    vi: 'Mã ứng dụng (client_id) đã tồn tại.',
    en: 'This client_id already exists.',
  },
  INVALID_REDIRECT_URI: {
    status: 422,
    vi: 'Địa chỉ chuyển hướng (redirect URI) không được chấp nhận.',
    en: 'A redirect URI is not acceptable.',
  },
  CLIENT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy ứng dụng.', en: 'No such client.' },
  TOO_MANY_ATTEMPTS: {
    status: 429,
    vi: 'Quá nhiều lần thử từ địa chỉ này; vui lòng thử lại sau ít phút.',
    en: 'Too many attempts from this address; try again in a few minutes.',
  },
  UPSTREAM_FAILED: {
    status: 502,
    vi: 'Không đăng nhập được qua hệ thống định danh quốc gia; vui lòng thử lại.',
    en: 'Signing in through the national identity system failed; please try again.',
  },
});
