import type { FastifyReply } from 'fastify';
/**
 * Server-rendered sign-in pages (login, two-factor, consent, password reset, registration):
 * they must work before the web app loads and for every other provincial system. Plain HTML,
 * one small stylesheet, no script: fast on a cheap phone and usable by keyboard.
 */
export type Lang = 'vi' | 'en';

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `
*{box-sizing:border-box}body{margin:0;font-family:"Be Vietnam Pro",system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;
background:#f4f6fa;color:#1a1b1e;line-height:1.5}header{background:#fff;border-top:4px solid #c8102e;border-bottom:1px solid #e3e7ee;
padding:12px 16px}header strong{color:#0b3d91}main{max-width:420px;margin:24px auto;padding:0 16px}
.card{background:#fff;border:1px solid #e3e7ee;border-radius:12px;padding:24px}h1{font-size:1.4rem;margin:0 0 16px}
label{display:block;font-weight:600;margin:14px 0 6px}input{width:100%;min-height:44px;padding:10px 12px;font-size:1rem;
border:1px solid #aab3c2;border-radius:8px}input:focus,button:focus,a:focus{outline:3px solid #4c8dff;outline-offset:2px}
button,.button{display:block;width:100%;min-height:44px;margin-top:16px;border-radius:8px;border:1px solid #0b3d91;font-size:1rem;
font-weight:600;cursor:pointer;background:#fff;color:#0b3d91;text-align:center;text-decoration:none;padding:10px}
button.primary{background:#0b3d91;color:#fff}.error{background:#fdecee;border:1px solid #f3b6bf;color:#8a1021;border-radius:8px;
padding:10px 12px;margin-bottom:12px}.note{color:#4a5261;font-size:.9rem}.or{text-align:center;margin:16px 0 0;color:#4a5261}
.links{display:flex;justify-content:space-between;flex-wrap:wrap;gap:8px;margin-top:16px}a{color:#0b3d91}
.links a{min-height:44px;display:inline-flex;align-items:center}pre{white-space:pre-wrap;background:#f4f6fa;padding:8px;border-radius:6px}
code{font-size:1.05rem;letter-spacing:.08em;word-break:break-all}img.qr{display:block;margin:12px auto;width:200px;height:200px}`;

export function page(p: { lang: Lang; title: string; body: string }): string {
  return `<!doctype html><html lang="${p.lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="/favicon.svg"><title>${escapeHtml(p.title)} — Chính quyền số</title>
<style>${STYLE}</style></head><body><header><a href="/" style="text-decoration:none"><strong>Chính quyền số</strong></a></header><main><div class="card">${p.body}</div></main></body></html>`;
}

/** The sign-in pages' texts, Vietnamese first. */
export const T = {
  vi: {
    signIn: 'Đăng nhập',
    login: 'Email, số điện thoại hoặc số CCCD',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    forgot: 'Quên mật khẩu?',
    register: 'Đăng ký tài khoản',
    or: 'hoặc',
    upstream: (name: string) => `Đăng nhập bằng ${name}`,
    otherLang: 'English',
    totpTitle: 'Xác thực hai lớp',
    totpCode: 'Mã 6 chữ số trong ứng dụng xác thực',
    totpHelp: 'Cán bộ, công chức phải dùng xác thực hai lớp.',
    enrollTitle: 'Thiết lập xác thực hai lớp',
    enrollHelp:
      'Cán bộ, công chức phải bật xác thực hai lớp. Quét mã QR bằng ứng dụng xác thực (Google Authenticator, Microsoft Authenticator, …) hoặc nhập khóa dưới đây, rồi nhập mã 6 chữ số.',
    secret: 'Khóa bí mật',
    confirm: 'Xác nhận',
    consentTitle: (client: string) => `${client} muốn truy cập tài khoản của bạn`,
    consentScopes: 'Ứng dụng sẽ được xem:',
    allow: 'Cho phép',
    deny: 'Từ chối',
    scope: {
      openid: 'Mã định danh tài khoản',
      profile: 'Họ tên, ngày sinh',
      email: 'Địa chỉ email',
      phone: 'Số điện thoại',
      cqs: 'Cơ quan, vai trò và mức định danh',
      cccd: 'Số căn cước công dân',
      offline_access: 'Duy trì truy cập khi bạn không trực tuyến',
    } as Record<string, string>,
    forgotTitle: 'Quên mật khẩu',
    forgotHelp:
      'Nhập email của tài khoản. Nếu tài khoản tồn tại, chúng tôi gửi liên kết đặt lại mật khẩu (hiệu lực 30 phút).',
    email: 'Email',
    send: 'Gửi liên kết',
    sent: 'Nếu email này thuộc một tài khoản, liên kết đặt lại mật khẩu đã được gửi. Hãy kiểm tra hộp thư.',
    resetTitle: 'Đặt mật khẩu mới',
    newPassword: 'Mật khẩu mới (ít nhất 10 ký tự)',
    save: 'Lưu mật khẩu',
    resetDone: 'Đã đặt mật khẩu mới. Bạn có thể đăng nhập.',
    back: 'Quay lại đăng nhập',
    registerTitle: 'Đăng ký tài khoản',
    fullName: 'Họ và tên',
    cccd: 'Số CCCD (12 chữ số)',
    dateOfBirth: 'Ngày sinh',
    phone: 'Số điện thoại',
    registered:
      'Chúng tôi đã gửi thư tới email bạn nhập. Hãy mở thư và làm theo hướng dẫn (liên kết kích hoạt có hiệu lực 24 giờ; tài khoản được tạo khi bạn mở liên kết).',
    verified: 'Email đã được xác minh; tài khoản đã kích hoạt. Bạn có thể đăng nhập.',
    home: 'Trang chủ',
    linkTitle: 'Liên kết tài khoản',
    linkHelp: (upstream: string, cccd: string, who: string) =>
      `Số CCCD ${cccd} đã được dùng để đăng ký tài khoản ${who}. Nếu đó là tài khoản của bạn, nhập mật khẩu của tài khoản ấy để liên kết với ${upstream}.`,
    linkConfirm: 'Liên kết tài khoản',
    linkNotMine: 'Đây không phải tài khoản của tôi',
  },
  en: {
    signIn: 'Sign in',
    login: 'E-mail, phone number or citizen ID',
    password: 'Password',
    submit: 'Sign in',
    forgot: 'Forgot password?',
    register: 'Create an account',
    or: 'or',
    upstream: (name: string) => `Sign in with ${name}`,
    otherLang: 'Tiếng Việt',
    totpTitle: 'Two-factor authentication',
    totpCode: 'The 6-digit code from your authenticator app',
    totpHelp: 'Officials must use two-factor authentication.',
    enrollTitle: 'Set up two-factor authentication',
    enrollHelp:
      'Officials must turn on two-factor authentication. Scan the QR code with an authenticator app (Google Authenticator, Microsoft Authenticator, …) or type the key below, then enter the 6-digit code.',
    secret: 'Secret key',
    confirm: 'Confirm',
    consentTitle: (client: string) => `${client} wants to access your account`,
    consentScopes: 'The application will see:',
    allow: 'Allow',
    deny: 'Deny',
    scope: {
      openid: 'Your account identifier',
      profile: 'Full name, date of birth',
      email: 'E-mail address',
      phone: 'Phone number',
      cqs: 'Agency, roles and identity level',
      cccd: 'Citizen ID number',
      offline_access: 'Keep access while you are offline',
    } as Record<string, string>,
    forgotTitle: 'Forgot password',
    forgotHelp:
      "Enter your account's e-mail. If the account exists, we send a link to reset the password (valid 30 minutes).",
    email: 'E-mail',
    send: 'Send link',
    sent: 'If this e-mail belongs to an account, a password reset link has been sent. Check your mailbox.',
    resetTitle: 'Choose a new password',
    newPassword: 'New password (at least 10 characters)',
    save: 'Save password',
    resetDone: 'Your new password is set. You can sign in.',
    back: 'Back to sign in',
    registerTitle: 'Create an account',
    fullName: 'Full name',
    cccd: 'Citizen ID (12 digits)',
    dateOfBirth: 'Date of birth',
    phone: 'Phone number',
    registered:
      'We sent a message to the e-mail you gave. Open it and follow it (the activation link is valid for 24 hours; the account is created when you open it).',
    verified: 'Your e-mail is verified and the account active. You can sign in.',
    home: 'Home',
    linkTitle: 'Link your account',
    linkHelp: (upstream: string, cccd: string, who: string) =>
      `The citizen ID ${cccd} was used to register the account ${who}. If it is yours, enter its password to link it with ${upstream}.`,
    linkConfirm: 'Link account',
    linkNotMine: 'This is not my account',
  },
} as const;

export const langOf = (value: unknown): Lang =>
  typeof value === 'string' && value.toLowerCase().startsWith('en') ? 'en' : 'vi';

export const errorBox = (message: string | undefined) =>
  message ? `<div class="error" role="alert">${escapeHtml(message)}</div>` : '';

export const hidden = (name: string, value: string) =>
  `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`;

/** Sends a server-rendered page; never cached (they carry one-time tokens and personal messages). */
export function sendPage(reply: FastifyReply, status: number, lang: Lang, title: string, body: string) {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(page({ lang, title, body }));
}
