import { navigate } from '../../app/router';

/**
 * Moves to another query of the same page (a new history entry, so Back undoes a filter) without
 * jumping to the top, as `navigate()` does for a new page: the person stays where the filters are.
 */
export function navigateKeepingScroll(href: string): void {
  const y = window.scrollY;
  navigate(href);
  window.scrollTo(0, y);
}
