import type { Page } from 'playwright-core';

/** Console errors, uncaught exceptions and failed or 4xx/5xx requests seen by a page. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? '?'})`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

/** True when the page is no wider than the viewport (no sideways scrolling on a phone). */
export async function fitsViewportWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}

/** Visible links, buttons and inputs smaller than `min` px in height, described for the failure message. */
export async function smallTouchTargets(page: Page, min = 44): Promise<string[]> {
  return page.evaluate((minSize) => {
    const small: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(
      'a[href], button, input, select, textarea',
    )) {
      const box = element.getBoundingClientRect();
      const style = window.getComputedStyle(element);
      const visible = box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && box.bottom > 0;
      if (visible && box.height < minSize - 0.5) {
        const name = element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '';
        small.push(
          `<${element.tagName.toLowerCase()}> "${name.slice(0, 40)}" is ${box.height.toFixed(1)} px high`,
        );
      }
    }
    return small;
  }, min);
}
