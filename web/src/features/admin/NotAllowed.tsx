import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router';
import './i18n';

/**
 * What someone without an administrator's role sees: why, and where to go instead. `section`
 * when the person administers other sections but not this one.
 */
export function NotAllowed({ section }: { section?: string }) {
  const { t } = useTranslation('admin');
  return (
    <Card withBorder padding="xl" radius="md" maw={720} data-testid="admin-not-allowed">
      <Stack gap="md" align="flex-start">
        <Title order={1} fz={{ base: 24, sm: 30 }}>
          {section ? t('notAllowed.sectionTitle', { section }) : t('notAllowed.title')}
        </Title>
        <Text>{section ? t('notAllowed.sectionBody') : t('notAllowed.body')}</Text>
        <Text c="dimmed">{t('notAllowed.help')}</Text>
        <Group gap="sm">
          {section ? (
            <Button component={Link} href="/quan-tri">
              {t('notAllowed.backToAdmin')}
            </Button>
          ) : (
            <>
              <Button component={Link} href="/">
                {t('notAllowed.home')}
              </Button>
              <Button component={Link} href="/tai-khoan" variant="default">
                {t('notAllowed.account')}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
