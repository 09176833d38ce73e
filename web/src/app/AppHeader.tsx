import { Container, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PlatformMark } from '../ui/icons';
import { pickLocalized } from '../ui/localized';
import { LanguageSwitch } from './LanguageSwitch';
import { Link } from './router';
import { placeTitle, useSite } from './site';
import { UserMenu } from './UserMenu';

export function AppHeader() {
  const { t, i18n } = useTranslation();
  const site = useSite();
  const info = site.status === 'success' ? site.data : undefined;
  const platformName = info ? pickLocalized(info.platformName, i18n.language) : t('app.name');

  return (
    <header className="cqs-header">
      <Container size="lg" py="sm">
        <Group justify="space-between" wrap="nowrap" gap={8}>
          <Link className="cqs-brand" href="/" aria-label={`${platformName} — ${t('app.homeLink')}`}>
            <PlatformMark />
            <span className="cqs-brand-text">
              <Text component="span" display="block" fw={700} fz={{ base: 15, xs: 'md', sm: 'lg' }}>
                {platformName}
              </Text>
              {info && (
                <Text component="span" display="block" fz="sm" c="dimmed">
                  {placeTitle(t, info.province)}
                </Text>
              )}
            </span>
          </Link>
          <Group gap={8} wrap="nowrap" className="cqs-header-actions">
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </Container>
    </header>
  );
}
