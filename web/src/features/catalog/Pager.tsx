import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router';
import { formatNumber } from '../../ui/localized';
import './i18n';

export interface PagerProps {
  page: number;
  pages: number;
  href: (page: number) => string;
}

/**
 * Previous / next as real links (each page has its own address) and where one is: on a phone two
 * large buttons are easier to hit than a row of numbers.
 */
export function Pager({ page, pages, href }: PagerProps) {
  const { t, i18n } = useTranslation('catalog');
  const n = (value: number) => formatNumber(value, i18n.language);
  return (
    <nav aria-label={t('pager.label')} className="cqs-pager">
      <Group justify="space-between" wrap="nowrap" gap="sm" mt="lg">
        {page > 1 ? (
          <Button component={Link} href={href(page - 1)} variant="default" rel="prev">
            {t('pager.previous')}
          </Button>
        ) : (
          <span />
        )}
        <Text size="sm" c="dimmed" ta="center">
          {t('pager.status', { page: n(page), pages: n(pages) })}
        </Text>
        {page < pages ? (
          <Button component={Link} href={href(page + 1)} variant="default" rel="next">
            {t('pager.next')}
          </Button>
        ) : (
          <span />
        )}
      </Group>
    </nav>
  );
}
