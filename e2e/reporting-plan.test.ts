import { describe, expect, it } from 'vitest';
import { fitsViewportWidth, pdfFile, seriousA11yViolations, usePhoneSuite } from './support/index.ts';

const DX_OFFICE = 'chuyendoiso@demo.cqs.example';
const LEADER = 'lanhdao@demo.cqs.example'; // Sở Tư pháp leads several tasks of the demo plan

/**
 * The DX plan on a 360 px phone: the DX office opens Tuyên Quang's plan 55/KH-UBND (109 tasks in
 * 6 groups, report downloads); a leader of Sở Tư pháp reports progress on one of its tasks with a
 * PDF as evidence.
 */
describe('DX plan', () => {
  const { signedIn, shot, problems, url } = usePhoneSuite('plan');

  it('the DX office opens the plan: 109 tasks in 6 groups, KPIs and report downloads', async () => {
    const page = await signedIn(DX_OFFICE);
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Chuyển đổi số' })
      .click();
    await page.getByRole('link', { name: 'Kế hoạch chuyển đổi số', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Kế hoạch chuyển đổi số' }).waitFor();
    await page.getByRole('heading', { name: 'Nhập kế hoạch từ tệp' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Mở kế hoạch 55/KH-UBND' }).click();
    await page.getByRole('heading', { level: 1, name: /^55\/KH-UBND/ }).waitFor();
    await page.getByText('Hiển thị 109/109 nhiệm vụ').waitFor();
    expect(await page.locator('[data-group]').count()).toBe(6);
    const counts = await page
      .locator('[data-group]')
      .evaluateAll((cards) => cards.map((c) => /(\d+) nhiệm vụ/.exec(c.textContent ?? '')?.[1]));
    expect(counts).toEqual(['4', '17', '13', '32', '40', '3']);
    expect(await page.locator('tr[data-task]').count()).toBe(109);
    await page.getByRole('heading', { name: /^Chỉ tiêu năm/ }).waitFor();
    const xlsx = await page.getByRole('link', { name: 'Tải Excel (.xlsx)' }).getAttribute('href');
    expect(xlsx).toMatch(/\/report\?period=\d{4}(-H1)?&format=xlsx$/);
    // Filter by group: the 40 database tasks.
    await page.getByRole('combobox', { name: 'Nhóm nhiệm vụ' }).click();
    await page.getByRole('option', { name: /^5\./ }).click();
    await page.getByText('Hiển thị 40/109 nhiệm vụ').waitFor();
    await shot(page, 'dx-office');
    expect(await fitsViewportWidth(page)).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('a leader of the lead agency reports progress with evidence; the task follows', async () => {
    const page = await signedIn(LEADER);
    await page.goto(`${url()}/chuyen-doi-so/ke-hoach`);
    await page.getByRole('link', { name: 'Mở kế hoạch 55/KH-UBND' }).click();
    await page.getByRole('heading', { level: 1, name: /^55\/KH-UBND/ }).waitFor();
    await page.getByRole('button', { name: 'Chi tiết và báo cáo nhiệm vụ 5.4', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Nhiệm vụ 5.4' });
    await dialog.getByRole('heading', { name: 'Báo cáo tiến độ', exact: true }).first().waitFor();
    await dialog.getByRole('combobox', { name: 'Trạng thái' }).click();
    await page.getByRole('option', { name: 'Đang thực hiện' }).click();
    await dialog.getByRole('textbox', { name: 'Tiến độ (%)' }).fill('35');
    await dialog.getByRole('textbox', { name: 'Kết quả thực hiện' }).fill('Đã số hóa 35% sổ công chứng.');
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: /Tệp minh chứng/ }).click();
    await (await chooser).setFiles(pdfFile('bien-ban-kiem-tra'));
    await dialog.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await dialog.getByText('Đã ghi báo cáo tiến độ.').waitFor();
    await dialog.getByRole('link', { name: 'Tải minh chứng bien-ban-kiem-tra.pdf' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await shot(page, 'leader-report');
    await dialog.getByRole('button', { name: 'Đóng' }).last().click();
    await page.locator('tr[data-task="5.4"]').getByText('35%').waitFor();
    expect(problems).toEqual([]);
  });
});
