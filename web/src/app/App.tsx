import { MantineProvider } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { HomePage } from '../features/home/HomePage';
import { pickLocalized } from '../ui/localized';
import { AppFooter } from './AppFooter';
import { AppHeader } from './AppHeader';
import { placeTitle, SiteProvider, useSite } from './site';
import { theme } from './theme';

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <SiteProvider>
        <Shell />
      </SiteProvider>
    </MantineProvider>
  );
}

function Shell() {
  const { t, i18n } = useTranslation();
  const site = useSite();
  const info = site.status === 'success' ? site.data : undefined;

  useEffect(() => {
    document.title = info
      ? t('app.documentTitle', {
          platform: pickLocalized(info.platformName, i18n.language),
          place: placeTitle(t, info.province),
        })
      : t('app.name');
  }, [info, t, i18n.language]);

  return (
    <div className="cqs-shell">
      <a className="cqs-skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppHeader />
      <main id="main" tabIndex={-1}>
        {/* One page for now; the router comes with the first module that needs a second one. */}
        <HomePage />
      </main>
      <AppFooter />
    </div>
  );
}
