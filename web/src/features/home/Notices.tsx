import { Card, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { pickLocalized } from '../../ui/localized';
import '../catalog/i18n';
import { notices } from './notices';

/** 2026-01-20 → 20/01/2026, as dates are written in Vietnam (and on this portal in English too). */
function shortDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** "Thông báo": the portal's notices, newest first. */
export function Notices() {
  const { t, i18n } = useTranslation('catalog');
  const sorted = [...notices].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="notices-title">
      <Title order={2} fz="h3" id="notices-title" mb="md">
        {t('home.notices.title')}
      </Title>
      <Stack gap="md" component="ul" className="cqs-notices">
        {sorted.map((n) => (
          <li key={n.date + n.title.vi}>
            <article aria-labelledby={`notice-${n.date}`}>
              <Text size="sm" c="dimmed">
                <VisuallyHidden component="span">{t('home.notices.published')}: </VisuallyHidden>
                <time dateTime={n.date}>{shortDate(n.date)}</time>
              </Text>
              <Title order={3} fz="md" id={`notice-${n.date}`} mt={2}>
                {pickLocalized(n.title, i18n.language)}
              </Title>
              <Text size="sm" mt={4}>
                {pickLocalized(n.body, i18n.language)}
              </Text>
            </article>
          </li>
        ))}
      </Stack>
    </Card>
  );
}
