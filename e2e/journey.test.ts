import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../server/src/platform/net.ts';
import { type Received, startSmtp, stopSmtp } from '../server/test/support/smtp.ts';
import {
  ensureWebBuilt,
  launchChromium,
  pdfFile,
  type RunningServer,
  resultsDir,
  seriousA11yViolations,
  signInFromHome,
  signInOfficialFirstTime,
  startServer,
} from './support/index.ts';

const PASSWORD = 'ChinhQuyenSo@2026';
const NEWCOMER = {
  fullName: 'Đặng Thu Hà',
  email: 'dang.thu.ha@example.vn',
  phone: '0911222333',
  cccd: '008196004455',
  password: 'Thu-Ha-Tuyen-Quang-2026',
};
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

/**
 * The whole road of one dossier, through the pages people use, against a real `cqs start` on a
 * fresh data dir with a real mail server: a citizen registers, files online with two uploads; the
 * desk receives it; the leader assigns it; the specialist asks for a supplement; the citizen sends
 * it; the leader approves and attaches the result; the desk returns it; the citizen downloads the
 * result and rates the service.
 */
describe('one dossier from registration to rating', () => {
  let server: RunningServer;
  let browser: Browser;
  let smtp: SMTPServer | undefined;
  const mail: Received[] = [];
  let citizen: Page;
  const officials: Record<string, { context: BrowserContext; page: Page }> = {};
  let dossierPath = '';
  let code = '';
  const url = (path: string) => `${server.url}${path}`;
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(resultsDir, name), fullPage: true });

  beforeAll(async () => {
    ensureWebBuilt();
    await mkdir(resultsDir, { recursive: true });
    const smtpPort = await freePort();
    smtp = await startSmtp(smtpPort, mail);
    server = await startServer({ env: { PROVINCE_CODE: '08', SMTP_URL: `smtp://127.0.0.1:${smtpPort}` } });
    browser = await launchChromium();
    citizen = await (
      await browser.newContext({ viewport: PHONE, locale: 'vi-VN', hasTouch: true })
    ).newPage();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await stopSmtp(smtp);
  });

  async function official(login: string) {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    const page = await context.newPage();
    await signInOfficialFirstTime(page, server.url, login, PASSWORD);
    await page.waitForLoadState('networkidle');
    officials[login] = { context, page };
    return page;
  }

  async function mailTo(address: string): Promise<Received> {
    for (let i = 0; i < 100; i++) {
      const found = mail.find((m) => m.to.includes(address));
      if (found) return found;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no mail to ${address}`);
  }

  it('registers a citizen, who verifies the e-mail and signs in', async () => {
    await citizen.goto(url('/account/register'));
    for (const [field, value] of Object.entries(NEWCOMER)) await citizen.locator(`#${field}`).fill(value);
    await citizen.locator('#dateOfBirth').fill('1996-04-18');
    await citizen.getByRole('button', { name: 'Đăng ký tài khoản' }).click();
    await citizen.getByRole('status').waitFor();
    const link = /https?:\/\/\S+\/account\/verify-email\?token=[\w-]+/.exec(
      (await mailTo(NEWCOMER.email)).text,
    )![0];
    await citizen.goto(link);
    await citizen.getByRole('status').waitFor();
    await signInFromHome(citizen, server.url, NEWCOMER.email, NEWCOMER.password);
    await citizen.getByRole('banner').getByText(NEWCOMER.fullName).first().waitFor();
  });

  it('files online from a phone with two uploads', async () => {
    await citizen.goto(url('/thu-tuc/1.000426'));
    await citizen.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).first().click();
    await citizen.getByRole('heading', { level: 2, name: 'Bước 1/2: Giấy tờ' }).waitFor();
    await citizen.getByTestId('file-input-0').setInputFiles(pdfFile('giay-xac-nhan-thoi-gian-cong-tac'));
    await citizen.getByText('giay-xac-nhan-thoi-gian-cong-tac.pdf').waitFor();
    await citizen.getByTestId('file-input-1').setInputFiles(pdfFile('giay-de-nghi-cap-the'));
    await citizen.getByText('giay-de-nghi-cap-the.pdf').waitFor();
    await citizen.getByRole('button', { name: 'Tiếp tục' }).click();
    await citizen.getByRole('heading', { level: 2, name: 'Bước 2/2: Kiểm tra và nộp' }).waitFor();
    await citizen.getByRole('button', { name: 'Nộp hồ sơ' }).click();
    await citizen.getByRole('heading', { level: 1, name: 'Đã nộp hồ sơ' }).waitFor();
    await shot(citizen, 'journey-submitted-390x844.png');
    const mine = await (await citizen.request.get(url('/api/dossiers?mine=true'))).json();
    expect(mine.items).toHaveLength(1);
    dossierPath = `/can-bo/ho-so/${mine.items[0].id}`;
  });

  it('is received at the desk, assigned by the leader, and the specialist asks for a supplement', async () => {
    const desk = await official('motcua@demo.cqs.example');
    await desk.goto(url('/can-bo?queue=to_receive'));
    await desk.getByRole('row').filter({ hasText: NEWCOMER.fullName }).getByRole('link').first().click();
    await desk.getByRole('button', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
    await desk.getByRole('dialog').getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
    await desk.getByTestId('action-done').waitFor();
    await desk.getByTestId('form-01').waitFor(); // the receipt exists: the code is given
    code = (await desk.getByTestId('dossier-code').textContent())!;
    expect(code).toMatch(/^000\.00\.20\.H08-\d{6}-\d{4}$/);

    const leader = await official('lanhdao@demo.cqs.example');
    await leader.goto(url(dossierPath));
    await leader.getByRole('button', { name: 'Phân công xử lý' }).click();
    await leader.getByRole('radio', { name: /Trần Văn Hùng/ }).check();
    await leader.getByRole('dialog').getByRole('button', { name: 'Phân công', exact: true }).click();
    await leader.getByTestId('action-done').waitFor();

    const specialist = await official('chuyenvien@demo.cqs.example');
    await specialist.goto(url(dossierPath));
    await specialist.getByRole('button', { name: 'Yêu cầu bổ sung hồ sơ' }).click();
    const dialog = specialist.getByRole('dialog');
    await dialog.getByLabel('Nội dung cần bổ sung 1').fill('Bản sao Bằng cử nhân luật có chứng thực');
    await dialog.getByRole('button', { name: 'Gửi yêu cầu bổ sung' }).click();
    await specialist.getByTestId('status').filter({ hasText: 'Chờ bổ sung' }).waitFor();
    expect(await seriousA11yViolations(specialist)).toEqual([]);
    await shot(specialist, 'journey-supplement-requested-1440x900.png');
  });

  it('the citizen sends the supplement from "Hồ sơ của tôi"', async () => {
    await citizen.goto(url(dossierPath.replace('/can-bo/ho-so/', '/ho-so/')));
    const supply = citizen.getByTestId('supply');
    await supply.getByText('Bản sao Bằng cử nhân luật có chứng thực').waitFor();
    await citizen.getByTestId('file-input-2').setInputFiles(pdfFile('ban-sao-bang-cu-nhan-luat'));
    await supply.getByText('ban-sao-bang-cu-nhan-luat.pdf').waitFor();
    await supply.getByRole('button', { name: 'Gửi hồ sơ bổ sung' }).click();
    await citizen.getByTestId('dossier-status').getByText('Đang xử lý').waitFor();
    await shot(citizen, 'journey-supplied-390x844.png');
  });

  it('the leader approves and attaches the result; the desk returns it electronically', async () => {
    const leader = officials['lanhdao@demo.cqs.example']!.page;
    await leader.reload();
    await leader.getByRole('button', { name: 'Phê duyệt kết quả' }).click();
    await leader.getByRole('dialog').getByRole('button', { name: 'Phê duyệt', exact: true }).click();
    await leader.getByTestId('status').filter({ hasText: 'Đã có kết quả' }).waitFor();
    await leader.getByLabel('Tên kết quả').fill('Thẻ tư vấn viên pháp luật');
    await leader
      .locator('input[type=file][aria-label="Tải lên kết quả — kết quả giải quyết"]')
      .setInputFiles(pdfFile('the-tu-van-vien'));
    await leader.getByTestId('results').getByText('Thẻ tư vấn viên pháp luật').waitFor();

    const desk = officials['motcua@demo.cqs.example']!.page;
    await desk.goto(url(dossierPath));
    await desk.getByRole('button', { name: 'Trả kết quả', exact: true }).click();
    await desk.getByRole('dialog').getByRole('button', { name: 'Xác nhận trả kết quả' }).click();
    await desk.getByTestId('status').filter({ hasText: 'Đã trả kết quả' }).waitFor();
    await shot(desk, 'journey-returned-1440x900.png');
  });

  it('the citizen downloads the electronic result and rates the service', async () => {
    await citizen.reload();
    await citizen.getByTestId('dossier-status').getByText('Đã trả kết quả').waitFor();
    const result = citizen.getByTestId('result');
    const href = await result.getByRole('link').first().getAttribute('href');
    const file = await citizen.request.get(url(href!));
    expect(file.headers()['content-type']).toBe('application/pdf');
    expect((await file.body()).toString('latin1')).toContain('% the-tu-van-vien');
    const rating = citizen.getByTestId('rating');
    await rating.getByRole('radio', { name: 'Rất hài lòng', exact: true }).check();
    await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await citizen.getByTestId('rating-done').waitFor();
    expect(await seriousA11yViolations(citizen)).toEqual([]);
    await shot(citizen, 'journey-rated-390x844.png');
    // Every step is on the public tracking page too, by code and the phone given at registration.
    const tracked = await (
      await citizen.request.get(
        url(`/api/dossiers/track?code=${encodeURIComponent(code)}&phone=${NEWCOMER.phone}`),
      )
    ).json();
    expect(tracked.steps.map((s: { type: string }) => s.type)).toEqual([
      'create',
      'submit',
      'receive',
      'assign',
      'request_supplement',
      'supply',
      'approve',
      'return_result',
    ]);
    // The applicant heard of each step by e-mail.
    const subjects = mail.filter((m) => m.to.includes(NEWCOMER.email)).map((m) => m.subject);
    expect(subjects.some((s) => s.includes(code) && s.includes('tiếp nhận'))).toBe(true);
    expect(subjects.length).toBeGreaterThanOrEqual(4); // verification, receipt, supplement, result
  });
});
