import { sql } from 'drizzle-orm';
import type { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoAccounts } from '../seed/demo.ts';
import { Browserless, type Page } from './support/browserless.ts';
import { describeEachEngine } from './support/databases.ts';
import { freePort, useListeningApp } from './support/server.ts';
import { type Received, startSmtp, stopSmtp } from './support/smtp.ts';

/**
 * Registration and forgotten password with the app sending real mail (nodemailer over SMTP) to
 * an SMTP server started here, which keeps what it receives.
 */

describeEachEngine('identity: registration and password reset by e-mail (SMTP)', { seed: true }, (ctx) => {
  const inbox: Received[] = [];
  let smtpPort = 0;
  let smtp: SMTPServer | undefined;
  beforeAll(async () => {
    smtpPort = await freePort();
    smtp = await startSmtp(smtpPort, inbox);
  });
  afterAll(() => stopSmtp(smtp));
  const h = useListeningApp(ctx, () => ({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}` }));
  beforeAll(async () => {
    await seedDemoAccounts(ctx.database, ctx.config);
  });

  /** The mails to `address` received since `since` (an inbox length), waiting a little for one. */
  async function mailsTo(address: string, since: number, wait = 5_000): Promise<Received[]> {
    const deadline = Date.now() + wait;
    for (;;) {
      const found = inbox.slice(since).filter((m) => m.to.includes(address));
      if (found.length || Date.now() > deadline) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const linkIn = (mail: Received, path: string) => {
    const m = new RegExp(`https?://\\S+${path.replace(/[?]/g, '\\?')}[A-Za-z0-9_-]+`).exec(mail.text);
    expect(m, `a ${path} link in:\n${mail.text}`).not.toBeNull();
    return m![0];
  };
  const alertOf = (page: Page) => /<div class="error" role="alert">([^<]*)</.exec(page.html)?.[1];
  const fieldValue = (page: Page, name: string) =>
    new RegExp(`<input id="${name}" name="${name}"[^>]*value="([^"]*)"`).exec(page.html)?.[1];

  /** Signs in on our login page; returns the final page and the browser. */
  async function signIn(login: string, password: string) {
    const browser = new Browserless();
    const form = await browser.go(`${h.url}/auth/login`);
    expect(form.html).toContain('action="/oidc/interaction/');
    const page = await browser.submit(form, { login, password }, '/login');
    return { browser, page };
  }
  const meOf = async (browser: Browserless) => {
    const res = await browser.request(`${h.url}/api/me`);
    return { status: res.status, body: res.status === 200 ? JSON.parse(res.html) : null };
  };

  const citizen = {
    fullName: 'Phạm Minh Châu',
    email: 'pham.minh.chau@example.vn',
    phone: '0901234567',
    cccd: '001200012345',
    dateOfBirth: '2000-01-15',
    password: 'Hoa-Sen-Vang-2026',
  };

  it('registers a citizen, who signs in only after opening the link in the verification mail', async () => {
    const browser = new Browserless();
    const form = await browser.go(`${h.url}/account/register`);
    expect(form.status).toBe(200);
    expect(form.html).toContain('<html lang="vi"');
    expect(form.html).toContain('Đăng ký tài khoản');
    expect(form.html).toContain('Họ và tên');
    const since = inbox.length;
    const done = await browser.submit(form, citizen, '/account/register');
    expect(done.status).toBe(202);
    expect(done.html).toContain('Chúng tôi đã gửi thư tới email bạn nhập');

    const notYet = await signIn(citizen.email, citizen.password);
    expect(notYet.page.status).toBe(403);
    expect(alertOf(notYet.page)).toContain('chưa được xác minh');
    expect((await meOf(notYet.browser)).status).toBe(401);

    const mails = await mailsTo(citizen.email, since);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('Xác minh tài khoản');
    expect(h.mails).toHaveLength(0); // it came over SMTP, not through the in-memory mailer
    expect(mails[0]!.text).toContain(`Xin chào ${citizen.fullName}`);
    const link = linkIn(mails[0]!, '/account/verify-email?token=');
    expect(link.startsWith(`${h.url}/account/verify-email?token=`)).toBe(true);
    const verified = await browser.go(link);
    expect(verified.status).toBe(200);
    expect(verified.html).toContain('Email đã được xác minh');

    const now = await signIn(citizen.email, citizen.password);
    expect(now.browser.cookie('cqs_session')).toBeDefined();
    const me = await meOf(now.browser);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      fullName: citizen.fullName,
      email: citizen.email,
      phone: citizen.phone,
      cccd: citizen.cccd,
      dateOfBirth: citizen.dateOfBirth,
      assuranceLevel: 'level1',
    });
    // The link works once.
    const again = await browser.go(link);
    expect(again.status).toBe(400);
    expect(alertOf(again)).toContain('Liên kết không hợp lệ');
  });

  it('answers a second registration with the same e-mail as a first one, and tells the owner by mail instead', async () => {
    const since = inbox.length;
    const browser = new Browserless();
    const form = await browser.go(`${h.url}/account/register`);
    const page = await browser.submit(
      form,
      { ...citizen, fullName: 'Người Khác', phone: '', cccd: '', dateOfBirth: '' },
      '/account/register',
    );
    expect(page.status).toBe(202);
    expect(page.html).toContain('Chúng tôi đã gửi thư tới email bạn nhập');
    const res = await browser.request(`${h.url}/api/identity/register`, {
      json: { fullName: 'Người Khác', email: citizen.email, password: citizen.password },
    });
    expect(res.status).toBe(202);
    expect(JSON.parse(res.html)).toEqual({ status: 'check_email' });
    const mails = await mailsTo(citizen.email, since);
    expect(mails.map((m) => m.subject)).toEqual(
      Array(mails.length).fill('Bạn đã có tài khoản Chính quyền số / You already have an account'),
    );
    expect(mails[0]!.text).toContain(`Xin chào ${citizen.fullName}`);
    expect(mails[0]!.text).not.toContain('verify-email');
    const [row] = await ctx.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM identity_person WHERE email = ${citizen.email}`,
    );
    expect(row!.n).toBe(1);
  });

  it('refuses a weak password and a malformed CCCD in Vietnamese, keeping what was typed', async () => {
    const browser = new Browserless();
    const typed = {
      fullName: 'Đỗ Văn Dũng',
      email: 'do.van.dung@example.vn',
      phone: '0908765432',
      cccd: '001200054321',
      dateOfBirth: '2000-07-07',
    };
    const weak = await browser.submit(
      await browser.go(`${h.url}/account/register`),
      { ...typed, password: '12345678' },
      '/account/register',
    );
    expect(weak.status).toBe(400);
    expect(alertOf(weak)).toContain('Mật khẩu cần ít nhất 10 ký tự');
    for (const [name, value] of Object.entries(typed)) expect(fieldValue(weak, name), name).toBe(value);
    expect(weak.html).toMatch(/<input id="password" name="password" type="password"(?![^>]*value=)[^>]*>/);

    const badCccd = await browser.submit(weak, { ...typed, cccd: '12345', password: 'Hoa-Sen-Vang-2026' });
    expect(badCccd.status).toBe(400);
    expect(alertOf(badCccd)).toContain('Số CCCD không hợp lệ');
    expect(alertOf(badCccd)).toContain('12 chữ số');
    expect(fieldValue(badCccd, 'cccd')).toBe('12345');
    expect(fieldValue(badCccd, 'fullName')).toBe(typed.fullName);

    const [row] = await ctx.database.rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM identity_person WHERE email = ${typed.email}`,
    );
    expect(row!.n).toBe(0);
  });

  it('resets a forgotten password through the mailed link, once', async () => {
    const email = 'nguyenvanan@demo.cqs.example';
    const newPassword = 'Sen-Hong-Dong-Thap-7';
    const browser = new Browserless();
    const form = await browser.go(`${h.url}/account/forgot-password`);
    expect(form.html).toContain('Quên mật khẩu');
    const since = inbox.length;
    const sent = await browser.submit(form, { email }, '/account/forgot-password');
    expect(sent.status).toBe(200);
    expect(sent.html).toContain('liên kết đặt lại mật khẩu đã được gửi');

    const mails = await mailsTo(email, since);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('Đặt lại mật khẩu');
    const link = linkIn(mails[0]!, '/account/reset-password?token=');
    const resetForm = await browser.go(link);
    expect(resetForm.status).toBe(200);
    expect(resetForm.html).toContain('Đặt mật khẩu mới');
    const done = await browser.submit(resetForm, { password: newPassword }, '/account/reset-password');
    expect(done.status).toBe(200);
    expect(done.html).toContain('Đã đặt mật khẩu mới');

    const old = await signIn(email, DEMO_PASSWORD);
    expect(old.page.status).toBe(401);
    expect(alertOf(old.page)).toContain('mật khẩu không đúng');
    const ok = await signIn(email, newPassword);
    const me = await meOf(ok.browser);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email, cccd: '008090001234' });

    const reused = await browser.submit(await browser.go(link), { password: 'Another-Good-Pass-42' });
    expect(reused.status).toBe(400);
    expect(alertOf(reused)).toContain('Liên kết không hợp lệ');
    expect((await signIn(email, 'Another-Good-Pass-42')).page.status).toBe(401);
  });

  it('answers an unknown e-mail the same way, without sending mail', async () => {
    const browser = new Browserless();
    const known = await browser.submit(await browser.go(`${h.url}/account/forgot-password`), {
      email: 'tranthibinh@demo.cqs.example',
    });
    const since = inbox.length;
    const unknown = await browser.submit(await browser.go(`${h.url}/account/forgot-password`), {
      email: 'khong.co.ai@example.vn',
    });
    expect(unknown.status).toBe(known.status);
    expect(unknown.html).toBe(known.html);
    expect(await mailsTo('khong.co.ai@example.vn', since, 500)).toHaveLength(0);
    expect(inbox.length).toBe(since);
  });

  it('offers the same over the JSON API', async () => {
    const email = 'tranthibinh@demo.cqs.example';
    const api = new Browserless();
    const since = inbox.length;
    const res = await api.request(`${h.url}/api/identity/password-reset`, { json: { email } });
    expect(res.status).toBe(202);
    const mails = await mailsTo(email, since);
    expect(mails).toHaveLength(1);
    const token = new URL(linkIn(mails[0]!, '/account/reset-password?token=')).searchParams.get('token')!;

    const weak = await api.request(`${h.url}/api/identity/password-reset/confirm`, {
      json: { token, password: '12345678' },
    });
    expect(weak.status).toBe(400);
    expect(weak.headers.get('content-type')).toContain('application/problem+json');
    const problem = JSON.parse(weak.html);
    expect(problem.errors[0].field).toBe('password');
    expect(problem.errors[0].vi).toContain('ít nhất 10 ký tự');

    // A refused password does not use up the link.
    const strong = await api.request(`${h.url}/api/identity/password-reset/confirm`, {
      json: { token, password: 'Nui-Ba-Den-Tay-Ninh-3' },
    });
    expect(strong.status).toBe(204);
    const me = await meOf((await signIn(email, 'Nui-Ba-Den-Tay-Ninh-3')).browser);
    expect(me.body).toMatchObject({ email, cccd: '008195004321' });
  });
});
