import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { pickLocalized } from '../ui/localized';
import { placeTitle, useSite } from './site';

/** Sets the tab's title to "<page> — <platform> — <province>" (the platform alone on the home page). */
export function usePageTitle(page: string | null): void {
  const { t, i18n } = useTranslation();
  const site = useSite();
  const info = site.status === 'success' ? site.data : undefined;
  useEffect(() => {
    const base = info
      ? t('app.documentTitle', {
          platform: pickLocalized(info.platformName, i18n.language),
          place: placeTitle(t, info.province),
        })
      : t('app.name');
    document.title = page ? `${page} — ${base}` : base;
  }, [info, t, i18n.language, page]);
}
