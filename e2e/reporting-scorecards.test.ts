import { describe, expect, it } from 'vitest';
import { fitsViewportWidth, pdfFile, seriousA11yViolations, usePhoneSuite } from './support/index.ts';

const LEADER = 'lanhdao@demo.cqs.example'; // Sở Tư pháp: its 2026 self-assessment is left to do in the demo
const DX_OFFICE = 'chuyendoiso@demo.cqs.example';
const PAGE = '/chuyen-doi-so/bo-chi-so';

/**
 * DX scorecards on a 360 px phone: a department leader fills and submits the 2026
 * self-assessment with a proof file; the DX office then sees the ranking with last year's change.
 */
describe('DX scorecards', () => {
  const { signedIn, shot, problems, url } = usePhoneSuite('scorecards');

  it('a department leader self-assesses with evidence and submits', async () => {
    const page = await signedIn(LEADER);
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Chuyển đổi số' })
      .click();
    await page.getByRole('link', { name: 'Bộ chỉ số chuyển đổi số', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Bộ chỉ số chuyển đổi số' }).waitFor();
    expect(page.url()).toBe(`${url()}${PAGE}`);
    await page.getByRole('link', { name: /sở, ban, ngành năm 2026/ }).click();
    await page.getByRole('heading', { level: 1, name: /năm 2026/ }).waitFor();
    await page.getByRole('link', { name: /^Tự đánh giá — Sở Tư pháp/ }).click();
    await page.getByRole('heading', { level: 1, name: /Sở Tư pháp/ }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await fitsViewportWidth(page)).toBe(true);

    // Every hand-scored indicator gets a score; one claims points and carries its proof.
    const inputs = page.getByLabel(/^Điểm tự chấm chỉ tiêu/);
    const count = await inputs.count();
    expect(count).toBeGreaterThanOrEqual(8);
    for (let i = 0; i < count; i++) await inputs.nth(i).fill('0');
    await page.getByLabel('Điểm tự chấm chỉ tiêu NT.1 (tối đa 50)').fill('45');
    await page
      .getByLabel('Giải trình chỉ tiêu NT.1')
      .fill('Quyết định số 12/QĐ-STP phân công Phó Giám đốc phụ trách');
    // Submitting without the proof is refused, naming the indicator.
    await page.getByRole('button', { name: 'Gửi tự đánh giá' }).click();
    await page.getByRole('alert').filter({ hasText: 'NT.1' }).first().waitFor();
    await page
      .locator('li[data-indicator="NT.1"] input[type=file]')
      .setInputFiles(pdfFile('quyet-dinh-phan-cong'));
    await page.getByRole('link', { name: 'quyet-dinh-phan-cong.pdf' }).waitFor();
    // What was typed survives the upload's refresh.
    expect(await page.getByLabel('Điểm tự chấm chỉ tiêu NT.1 (tối đa 50)').inputValue()).toBe('45');
    await page.getByRole('button', { name: 'Gửi tự đánh giá' }).click();
    await page.getByText('Đã gửi tự đánh giá đến Sở Khoa học và Công nghệ.').waitFor();
    await page.getByText('Đã gửi, chờ thẩm định').first().waitFor();
    expect(await page.getByRole('button', { name: 'Gửi tự đánh giá' }).count()).toBe(0);
    await shot(page, 'self-assessment');
  });

  it('the DX office sees the ranking table with the change from 2025, and can download it', async () => {
    const page = await signedIn(DX_OFFICE);
    await page.goto(`${url()}${PAGE}`);
    await page.getByRole('link', { name: /sở, ban, ngành năm 2026/ }).click();
    // The DX office reviews the submission: a lower score with a note, then the review is done.
    await page.getByRole('link', { name: /^Thẩm định — Sở Tư pháp/ }).click();
    await page.getByLabel('Điểm thẩm định chỉ tiêu NT.1 (tối đa 50)').fill('40');
    await page.getByLabel('Ghi chú thẩm định chỉ tiêu NT.1').fill('Quyết định chưa nêu lộ trình');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Hoàn tất thẩm định' }).click();
    await page.getByText('Đã hoàn tất thẩm định; kết quả vào bảng xếp hạng.').waitFor();
    await page.getByText('Đã thẩm định', { exact: true }).waitFor();
    // The office may still correct a score while the set is open.
    expect(await page.getByLabel('Điểm thẩm định chỉ tiêu NT.1 (tối đa 50)').inputValue()).toBe('40');
    await page.getByRole('link', { name: 'Về bộ chỉ số' }).click();
    const table = page.getByRole('region', { name: /Bảng xếp hạng chuyển đổi số/ });
    await table.waitFor();
    const justice = table.getByRole('row', { name: /Sở Tư pháp/ });
    await justice.waitFor();
    expect(await table.getByRole('columnheader', { name: 'Hạng 2025' }).count()).toBe(1);
    expect(await table.textContent()).toMatch(/Tăng \d+ bậc|Giảm \d+ bậc|Giữ hạng/);
    expect(await fitsViewportWidth(page)).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải bảng xếp hạng (.xlsx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    await shot(page, 'ranking');
    expect(problems).toEqual([]);
  });
});
