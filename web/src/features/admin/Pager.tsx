import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import './i18n';

/** "Trang 2 / 5" with Previous and Next: large targets, the count read out when it changes. */
export function Pager({
  page,
  pageSize,
  total,
  onChange,
}: {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}) {
  const { t } = useTranslation('admin');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <Group justify="space-between" gap="sm" component="nav" aria-label={t('common.pages')}>
      <Button variant="default" disabled={page <= 1} onClick={() => onChange(page - 1)}>
        {t('common.previous')}
      </Button>
      <Text aria-live="polite">{t('common.pageOf', { page: Math.min(page, pages), pages })}</Text>
      <Button variant="default" disabled={page >= pages} onClick={() => onChange(page + 1)}>
        {t('common.next')}
      </Button>
    </Group>
  );
}
