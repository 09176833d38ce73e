import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * The serious and critical accessibility violations axe-core finds on the page as it is now
 * (WCAG 2.1 A and AA rules), one line each: rule, impact, and the first elements concerned.
 */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  // Checked once transitions have ended: mid-fade (a menu or dialog opening or closing) axe would
  // see half-transparent text and report a contrast that no one reads. A transition may start a frame
  // after the click, so the page must be still for three frames in a row: no finite animation running
  // and every open menu, dialog or list fully opaque. Endless animations (spinners) aside.
  await page
    .waitForFunction(
      () => {
        const w = window as unknown as { __a11yStillFrames?: number };
        const still =
          document
            .getAnimations()
            .every(
              (a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity,
            ) &&
          [...document.querySelectorAll('[role="menu"], [role="dialog"], [role="listbox"]')].every(
            (el) => getComputedStyle(el).opacity === '1',
          );
        w.__a11yStillFrames = still ? (w.__a11yStillFrames ?? 0) + 1 : 0;
        return w.__a11yStillFrames >= 3;
      },
      undefined,
      { timeout: 5_000, polling: 'raf' },
    )
    .catch(() => {});
  await page.evaluate(() => {
    (window as unknown as { __a11yStillFrames?: number }).__a11yStillFrames = 0;
  });
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map(
            (n) =>
              `${n.target.join(' ')} ${n.html.slice(0, 200)} [${n.any[0]?.message ?? n.failureSummary ?? ''}]`,
          )
          .join(', ')}`,
    );
}
