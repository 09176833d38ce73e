import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { APIRequestContext, Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureWebBuilt,
  fitsViewportWidth,
  launchChromium,
  pdfFile,
  type RunningServer,
  resultsDir,
  seriousA11yViolations,
  signInFromHome,
  signInOfficialFirstTime,
  startServer,
  watchProblems,
} from './support/index.ts';

const PASSWORD = 'ChinhQuyenSo@2026';
const CITIZEN = 'nguyenvanan@demo.cqs.example';
const DESK = 'motcua@demo.cqs.example';
const LEADER = 'lanhdao@demo.cqs.example';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

const pdf = pdfFile;

/** A Windows program renamed to look like a PDF: the browser believes the name, the server reads the bytes. */
const renamedExe = {
  name: 'bang-cu-nhan-luat.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.concat([
    Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]),
    Buffer.alloc(512, 1),
  ]),
};

/** Opens a page of the app the way a link inside it does (no page load). */
async function openInApp(page: Page, path: string): Promise<void> {
  if (!page.url().startsWith('http')) throw new Error('open a page of the app first');
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new Event('cqs:navigate'));
  }, path);
}

/** Presses Tab until `target` has the focus, as a keyboard user moves through the page. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

/** A state-changing API call with the session's CSRF token, as the web app sends it. */
async function send(
  context: BrowserContext,
  request: APIRequestContext,
  url: string,
  data?: unknown,
  raw?: Buffer,
) {
  const csrf = (await context.cookies()).find((c) => c.name === 'cqs_csrf')?.value ?? '';
  const res = await request.post(url, {
    headers: { 'x-csrf-token': csrf, ...(raw ? { 'content-type': 'application/pdf' } : {}) },
    ...(raw ? { data: raw } : { data }),
  });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return res.json();
}

async function checkPage(page: Page, name: string) {
  expect(await fitsViewportWidth(page)).toBe(true);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: join(resultsDir, `${name}.png`), fullPage: true });
}

/** Switches the language with the header's button, checks the page in English, and switches back. */
async function checkInEnglish(page: Page, heading: RegExp, name: string) {
  await page.getByRole('button', { name: /English/ }).click();
  await page.getByRole('heading', { name: heading }).first().waitFor();
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(await fitsViewportWidth(page)).toBe(true);
  await page.screenshot({ path: join(resultsDir, `${name}-en.png`), fullPage: true });
  await page.getByRole('button', { name: /Tiếng Việt/ }).click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

describe('the citizen files and follows their dossiers', () => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let base = '';
  let context: BrowserContext;
  let page: Page;
  let problems: string[] = [];
  let dossierId = '';

  beforeAll(async () => {
    ensureWebBuilt();
    await mkdir(resultsDir, { recursive: true });
    server = await startServer({ env: { PROVINCE_CODE: '08' } });
    base = server.url;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: PHONE, locale: 'vi-VN', hasTouch: true });
    page = await context.newPage();
    problems = watchProblems(page, {
      where: (url) => !url.pathname.startsWith('/oidc/') && !url.pathname.startsWith('/auth/'),
    });
    await signInFromHome(page, base, CITIZEN, PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('files a dossier from a phone: two PDFs, a renamed .exe refused, one dossier for a double click', async () => {
    await openInApp(page, '/nop-ho-so/1.000426');
    await page.getByRole('heading', { level: 1, name: 'Cấp thẻ tư vấn viên pháp luật' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Bước 1/2: Giấy tờ' }).waitFor();
    const components = page.getByTestId('component');
    expect(await components.count()).toBe(3);
    await checkPage(page, 'submit-documents-390x844');

    // The first file through the button, as a person picks it; the others straight into the input.
    const chooser = page.waitForEvent('filechooser');
    await components.nth(0).getByRole('button', { name: 'Tải tệp lên' }).click();
    await (await chooser).setFiles(pdf('giay-xac-nhan-thoi-gian-cong-tac'));
    await components.nth(0).getByText('giay-xac-nhan-thoi-gian-cong-tac.pdf').waitFor();
    await page.getByTestId('file-input-1').setInputFiles(pdf('giay-de-nghi-cap-the'));
    await components.nth(1).getByText('giay-de-nghi-cap-the.pdf').waitFor();
    expect(
      await components
        .nth(1)
        .getByText(/^\d+ B$/)
        .count(),
    ).toBe(1);
    // The draft exists now, and the address reopens it.
    expect(page.url()).toMatch(/\/nop-ho-so\/1\.000426\?nhap=[0-9a-f-]{36}$/);

    // A renamed program is refused, in Vietnamese, next to its component.
    await page.getByTestId('file-input-2').setInputFiles(renamedExe);
    const refusal = components.nth(2).getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(
      /Tệp “bang-cu-nhan-luat\.pdf” thực chất là .*không phải PDF, JPEG hay PNG, nên không được nhận\./,
    );
    // A file put on by mistake comes off again.
    await page.getByTestId('file-input-2').setInputFiles(pdf('nham-tep'));
    await components.nth(2).getByText('nham-tep.pdf').waitFor();
    await components.nth(2).getByRole('button', { name: 'Gỡ tệp nham-tep.pdf' }).click();
    await components.nth(2).getByText('nham-tep.pdf').waitFor({ state: 'detached' });
    await checkPage(page, 'submit-refusal-390x844');

    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('heading', { level: 2, name: 'Bước 2/2: Kiểm tra và nộp' }).waitFor();
    await page.getByText('Còn 1 giấy tờ bắt buộc chưa có tệp').waitFor();
    await checkPage(page, 'submit-review-390x844');
    await checkInEnglish(page, /Step 2 of 2/, 'submit-review-390x844');

    // Impatient fingers: two clicks on "Nộp hồ sơ", one dossier.
    await page.getByRole('button', { name: 'Nộp hồ sơ' }).dblclick();
    await page.getByRole('heading', { level: 1, name: 'Đã nộp hồ sơ' }).waitFor();
    expect(await page.getByTestId('receipt-status').textContent()).toBe('Chờ tiếp nhận');
    await page.getByText('Bộ phận Một cửa sẽ kiểm tra hồ sơ').waitFor();
    await checkPage(page, 'submit-receipt-390x844');
    const mine = await (await page.request.get(`${base}/api/dossiers?mine=true`)).json();
    const filed = mine.items.filter((d: { procedureCode: string }) => d.procedureCode === '1.000426');
    expect(filed).toHaveLength(1);
    expect(filed[0].status).toBe('submitted');
    dossierId = filed[0].id;

    // The one expected failure: the renamed program (415, and the browser's log of it).
    expect(problems.filter((p) => !p.includes('415') && !p.includes('Unsupported Media Type'))).toEqual([]);
    problems.length = 0;
  });

  it('shows the dossier in "Hồ sơ của tôi" with its timeline', async () => {
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Hồ sơ của tôi' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' }).waitFor();
    const card = page.getByTestId('dossier-card').filter({ hasText: 'Cấp thẻ tư vấn viên pháp luật' });
    await card.getByText('Chờ tiếp nhận').waitFor();
    await checkPage(page, 'my-dossiers-390x844');
    await card.getByRole('link', { name: 'Cấp thẻ tư vấn viên pháp luật' }).click();
    await page.waitForURL(`${base}/ho-so/${dossierId}`);
    const timeline = page.getByTestId('timeline');
    await timeline.getByText('Nộp hồ sơ', { exact: true }).waitFor();
    expect(await timeline.getByText('Đính kèm giấy tờ').count()).toBe(3);
    expect(await timeline.getByText('Gỡ giấy tờ').count()).toBe(1);
    expect(await timeline.getByText(/ngày \d{2}\/\d{2}\/\d{4} · Bạn/).count()).toBeGreaterThan(3);
    await page.getByTestId('awaiting-intake').waitFor();
    await checkPage(page, 'my-dossier-390x844');
    await checkInEnglish(page, /Progress/, 'my-dossier-390x844');
    expect(problems).toEqual([]);
  });

  it('prefills the birth registration, reports a missing field next to it, and goes on by keyboard alone', async () => {
    await openInApp(page, '/nop-ho-so/1.001193');
    await page.getByRole('heading', { level: 2, name: 'Bước 1/3: Tờ khai' }).waitFor();
    // Once-only: the declarant's name and CCCD come from the account.
    const declarant = page.getByRole('group', { name: 'Người đi đăng ký' });
    expect(await declarant.getByRole('textbox', { name: 'Họ, chữ đệm, tên' }).inputValue()).toBe(
      'Nguyễn Văn An',
    );
    expect(await declarant.getByRole('textbox', { name: 'Số định danh cá nhân' }).inputValue()).toBe(
      '008090001234',
    );
    expect(await declarant.getByTestId('prefill-hint').first().textContent()).toBe(
      'Điền sẵn từ tài khoản định danh của bạn.',
    );
    await checkPage(page, 'submit-form-390x844');
    await checkInEnglish(page, /Step 1 of 3/, 'submit-form-390x844');

    // Keyboard only from here: Tab to the first field, Enter to go on with nothing filled in.
    const place = page.getByRole('combobox', { name: /Xã, phường, đặc khu giải quyết/ });
    await tabTo(page, place);
    await page.keyboard.press('Enter');
    await page.getByTestId('error-summary').waitFor();
    const child = page.getByRole('group', { name: 'Người được khai sinh' });
    const childName = child.getByRole('textbox', { name: 'Họ, chữ đệm, tên' });
    expect(await childName.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await childName.getAttribute('aria-describedby')) ?? '';
    const said = await page.evaluate(
      (ids) =>
        ids
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      describedBy,
    );
    expect(said).toContain('Chưa điền thông tin này.');
    expect(await page.getByTestId('error-summary').textContent()).toContain(
      'Người được khai sinh · Họ, chữ đệm, tên: Chưa điền thông tin này.',
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: join(resultsDir, 'submit-form-errors-390x844.png'), fullPage: true });

    // The commune: type, arrow down, Enter.
    await tabTo(page, place);
    await page.keyboard.type('tan trao');
    await page.getByRole('option', { name: 'Xã Tân Trào' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await place.inputValue()).toBe('Xã Tân Trào');
    const relationship = page.getByRole('combobox', { name: /Quan hệ với người được khai sinh/ });
    await tabTo(page, relationship);
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: 'Cha', exact: true }).waitFor();
    await page.keyboard.press('Enter');
    expect(await relationship.inputValue()).toBe('Cha');

    await tabTo(page, childName);
    await page.keyboard.type('Nguyễn Minh Khôi');
    // Radio buttons: Tab lands on the group, Space picks.
    await tabTo(page, child.getByRole('radio', { name: 'Nam' }));
    await page.keyboard.press('Space');
    expect(await child.getByRole('radio', { name: 'Nam' }).isChecked()).toBe(true);
    const born = child.getByLabel('Ngày, tháng, năm sinh');
    await tabTo(page, born);
    await page.keyboard.type('03152026');
    expect(await born.inputValue()).toBe('2026-03-15');
    await tabTo(page, child.getByRole('textbox', { name: 'Nơi sinh' }));
    await page.keyboard.type('Bệnh viện Đa khoa tỉnh Tuyên Quang');
    await tabTo(page, child.getByRole('textbox', { name: 'Dân tộc' }));
    await page.keyboard.type('Kinh');
    const mother = page.getByRole('group', { name: 'Thông tin người mẹ' });
    await tabTo(page, mother.getByRole('textbox', { name: 'Họ, chữ đệm, tên' }));
    await page.keyboard.type('Lê Thị Hoa');
    await tabTo(page, mother.getByRole('textbox', { name: 'Dân tộc' }));
    await page.keyboard.type('Tày');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Bước 2/3: Giấy tờ' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bước 2/3: Giấy tờ');
    await page
      .getByTestId('place-locked')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    await checkPage(page, 'submit-form-documents-390x844');

    // Documents are optional here for the test; on to the review and submit, still by keyboard.
    await tabTo(page, page.getByRole('button', { name: 'Tiếp tục' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Bước 3/3: Kiểm tra và nộp' }).waitFor();
    await page.getByText('Nguyễn Minh Khôi').waitFor();
    await page.getByText('15/03/2026').waitFor();
    await page.getByText('Xã Tân Trào').first().waitFor();
    await checkPage(page, 'submit-form-review-390x844');
    await tabTo(page, page.getByRole('button', { name: 'Nộp hồ sơ' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Đã nộp hồ sơ' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('withdraws a dossier, after a confirmation and with a reason', async () => {
    const other = await send(context, page.request, `${base}/api/dossiers`, { procedureCode: '1.000426' });
    await page.goto(`${base}/ho-so/${other.id}`);
    await page.getByTestId('dossier-status').getByText('Chờ tiếp nhận').waitFor();
    await page.getByRole('button', { name: 'Rút hồ sơ' }).click();
    await page.getByLabel('Lý do rút hồ sơ').fill('Tôi nộp nhầm thủ tục, sẽ nộp lại sau.');
    await page.getByText('Hồ sơ đã rút không thể khôi phục.', { exact: false }).waitFor();
    await checkPage(page, 'withdraw-390x844');
    await page.getByRole('button', { name: 'Xác nhận rút hồ sơ' }).click();
    await page.getByTestId('dossier-status').getByText('Đã rút').waitFor();
    const timeline = page.getByTestId('timeline');
    await timeline.getByText('Rút hồ sơ', { exact: true }).waitFor();
    await timeline.getByText('Lý do: Tôi nộp nhầm thủ tục, sẽ nộp lại sau.').waitFor();
    await page.getByText('Phiếu dừng giải quyết hồ sơ (Mẫu 05)').waitFor();
    expect(await page.getByRole('button', { name: 'Rút hồ sơ' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('keeps a draft and reopens it from "Hồ sơ của tôi"', async () => {
    await openInApp(page, '/nop-ho-so/1.000426');
    await page.getByRole('heading', { level: 2, name: 'Bước 1/2: Giấy tờ' }).waitFor();
    await page.getByTestId('file-input-0').setInputFiles(pdf('ban-nhap'));
    await page.getByTestId('component').nth(0).getByText('ban-nhap.pdf').waitFor();
    const draftUrl = page.url();
    expect(draftUrl).toMatch(/\?nhap=[0-9a-f-]{36}$/);
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Hồ sơ của tôi' })
      .click();
    const first = page.getByTestId('dossier-card').first();
    await first.getByText('Nháp', { exact: true }).waitFor();
    await first.getByRole('link', { name: 'Tiếp tục' }).click();
    await page.waitForURL(draftUrl);
    await page.getByTestId('component').nth(0).getByText('ban-nhap.pdf').waitFor();
    expect(problems).toEqual([]);
  });

  it('answers a supplement request, gets the receipt with its QR code, then rates the returned result', async () => {
    // The desk asks for a paper before receiving the dossier filed in the first test.
    const desk = await browser!.newContext();
    const deskPage = await desk.newPage();
    await signInOfficialFirstTime(deskPage, base, DESK, PASSWORD);
    const command = (ctx: BrowserContext, p: Page, body: unknown) =>
      send(ctx, p.request, `${base}/api/dossiers/${dossierId}/commands`, body);
    await command(desk, deskPage, {
      type: 'request_supplement',
      items: ['Bản sao Bằng cử nhân luật (có chứng thực)'],
      reason: 'Hồ sơ còn thiếu bản sao bằng cử nhân luật.',
    });

    // The citizen learns of it in the notifications and answers from the dossier's page.
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Thông báo' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Thông báo' }).waitFor();
    expect(await page.getByTestId('unread-count').textContent()).toBe('1 thông báo chưa đọc');
    const notice = page.getByTestId('notification').filter({ hasText: 'cần bổ sung trước khi tiếp nhận' });
    await notice.getByText('Mới').waitFor();
    await checkPage(page, 'notifications-390x844');
    await checkInEnglish(page, /^Notifications$/, 'notifications-390x844');
    await notice.getByRole('link', { name: /Xem hồ sơ/ }).click();
    await page.waitForURL(`${base}/ho-so/${dossierId}`);
    const supply = page.getByTestId('supply');
    await supply.getByText('Bản sao Bằng cử nhân luật (có chứng thực)').waitFor();
    await supply.getByText('Lý do: Hồ sơ còn thiếu bản sao bằng cử nhân luật.').waitFor();
    await page.getByTestId('file-input-2').setInputFiles(pdf('ban-sao-bang-cu-nhan-luat'));
    await supply.getByText('ban-sao-bang-cu-nhan-luat.pdf').waitFor();
    await checkPage(page, 'supply-390x844');
    await supply.getByRole('button', { name: 'Gửi hồ sơ bổ sung' }).click();
    await page.getByTestId('dossier-status').getByText('Chờ tiếp nhận').waitFor();
    expect(await page.getByTestId('supply').count()).toBe(0);

    // Received: the code, the appointment, the QR code to the tracking page, Form 01.
    const received = await command(desk, deskPage, { type: 'receive' });
    await page.reload();
    await page.getByTestId('receipt-code').getByText(received.code).waitFor();
    expect(await page.getByTestId('qr-code').getAttribute('data-text')).toBe(
      `${base}/tra-cuu?ma=${encodeURIComponent(received.code)}`,
    );
    expect(await page.getByTestId('receipt-due').textContent()).toMatch(
      /^\d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}$/,
    );
    const receiptHref = await page
      .getByRole('link', { name: 'Tải giấy tiếp nhận (PDF)' })
      .getAttribute('href');
    const receipt = await page.request.get(`${base}${receiptHref}`);
    expect(receipt.headers()['content-type']).toBe('application/pdf');
    await checkPage(page, 'receipt-390x844');

    // The leader decides and uploads the electronic result; the desk returns it.
    const leader = await browser!.newContext();
    const leaderPage = await leader.newPage();
    await signInOfficialFirstTime(leaderPage, base, LEADER, PASSWORD);
    const leaderId = (await (await leaderPage.request.get(`${base}/api/me`)).json()).id;
    await command(leader, leaderPage, { type: 'assign', handlerId: leaderId });
    await command(leader, leaderPage, { type: 'approve' });
    const resultUrl = `${base}/api/dossiers/${dossierId}/files?purpose=result&label=${encodeURIComponent('Thẻ tư vấn viên pháp luật')}&fileName=the-tu-van-vien.pdf`;
    await send(leader, leaderPage.request, resultUrl, undefined, pdf('the-tu-van-vien').buffer);
    await command(desk, deskPage, { type: 'return_result', method: 'electronic' });
    await desk.close();
    await leader.close();

    await page.reload();
    await page.getByTestId('dossier-status').getByText('Đã trả kết quả').waitFor();
    await page.getByTestId('result').getByText('the-tu-van-vien.pdf', { exact: false }).waitFor();
    const rating = page.getByTestId('rating');
    await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await rating.getByText('Chọn một mức đánh giá.').waitFor();
    await rating.getByRole('radio', { name: 'Hài lòng', exact: true }).check();
    await rating.getByLabel('Góp ý (không bắt buộc)').fill('Cán bộ hướng dẫn bổ sung rõ ràng.');
    await checkPage(page, 'rating-390x844');
    await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByTestId('rating-done').getByText('Cảm ơn bạn đã đánh giá: Hài lòng (4/5).').waitFor();
    await page.getByTestId('timeline').getByText('Mức đánh giá: 4/5').waitFor();
    await checkPage(page, 'returned-390x844');
    await checkInEnglish(page, /Rate the service/, 'returned-390x844');
    expect(problems).toEqual([]);
  });

  it('reuses the returned result from "Kho giấy tờ" in the next filing', async () => {
    // The draft of this tab reopens, and the wallet now holds the electronic result.
    await openInApp(page, '/nop-ho-so/1.000426');
    await page.getByRole('heading', { level: 2, name: 'Bước 1/2: Giấy tờ' }).waitFor();
    const component = page.getByTestId('component').nth(2);
    await component.getByRole('button', { name: 'Chọn từ Kho giấy tờ' }).click();
    const wallet = page.getByRole('dialog', { name: 'Kho giấy tờ' });
    await wallet.getByText('the-tu-van-vien.pdf', { exact: false }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: join(resultsDir, 'wallet-390x844.png') });
    await wallet.getByRole('button', { name: 'Dùng giấy tờ này' }).click();
    await component.getByText('lấy từ Kho giấy tờ', { exact: false }).waitFor();
    const files = await (
      await page.request.get(`${base}/api/dossiers/${new URL(page.url()).searchParams.get('nhap')}/files`)
    ).json();
    expect(files.items.filter((f: { reusedFromId: string | null }) => f.reusedFromId)).toHaveLength(1);
    expect(problems).toEqual([]);
  });

  it('lays the pages out on a 1440 px desktop', async () => {
    const desktop = await browser!.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
    const p = await desktop.newPage();
    const seen = watchProblems(p, {
      where: (url) => !url.pathname.startsWith('/oidc/') && !url.pathname.startsWith('/auth/'),
    });
    try {
      await signInFromHome(p, base, CITIZEN, PASSWORD);
      await openInApp(p, '/nop-ho-so/1.001193');
      await p.getByRole('heading', { level: 2, name: 'Bước 1/3: Tờ khai' }).waitFor();
      await checkPage(p, 'submit-form-1440x900');
      await p.goto(`${base}/ho-so`);
      await p.getByTestId('dossier-card').first().waitFor();
      await checkPage(p, 'my-dossiers-1440x900');
      await p.goto(`${base}/ho-so/${dossierId}`);
      await p.getByTestId('rating-done').waitFor();
      await checkPage(p, 'my-dossier-1440x900');
      await p.goto(`${base}/thong-bao`);
      await p.getByTestId('notification').first().waitFor();
      await checkPage(p, 'notifications-1440x900');
      // The receipt and the result came after the supplement request was opened: two unread.
      expect(await p.getByTestId('unread-count').textContent()).toBe('2 thông báo chưa đọc');
      await p.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }).click();
      await p.getByText('Bạn đã đọc hết thông báo.').waitFor();
      await p.reload();
      await p.getByText('Bạn đã đọc hết thông báo.').waitFor();
      expect(seen).toEqual([]);
    } finally {
      await desktop.close();
    }
  });
});
