import { Button, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { formatNumber } from '../../ui/localized';
import { useApiQuery } from '../../ui/useApiQuery';
import { catalogHref, type FieldCount } from '../catalog/api';
import '../catalog/i18n';

const shownFirst = 12;

/**
 * "Thủ tục theo lĩnh vực" with how many procedures each has. The fields of the most used
 * procedures come first (birth and marriage are in "Hộ tịch"), then the largest.
 */
export function FieldList({ first }: { first: string[] }) {
  const { t, i18n } = useTranslation('catalog');
  const result = useApiQuery<{ items: FieldCount[] }>('/api/catalog/fields');
  const [all, setAll] = useState(false);
  const listId = useId();

  let body = null;
  if (result.status === 'error')
    body = <ErrorState error={result.error} onRetry={result.retry} title={t('home.fields.error')} />;
  else if (result.status !== 'success') body = <LoadingState label={t('home.fields.loading')} />;
  else {
    const rank = (field: string) => {
      const i = first.indexOf(field);
      return i === -1 ? first.length : i;
    };
    // Array sort is stable: within the same rank the API's order (most procedures first) stays.
    const fields = [...result.data.items].sort((a, b) => rank(a.field) - rank(b.field));
    const shown = all ? fields : fields.slice(0, shownFirst);
    body = (
      <>
        <ul className="cqs-field-list" id={listId}>
          {shown.map((f) => (
            <li key={f.field}>
              <Link href={catalogHref({ field: f.field })} className="cqs-field-link">
                <span>{f.field}</span>
                <Text component="span" size="sm" c="dimmed" className="cqs-field-count">
                  {t('home.fields.count', {
                    count: f.count,
                    formatted: formatNumber(f.count, i18n.language),
                  })}
                </Text>
              </Link>
            </li>
          ))}
        </ul>
        {fields.length > shownFirst && (
          <Button
            variant="light"
            mt="md"
            aria-expanded={all}
            aria-controls={listId}
            onClick={() => setAll((v) => !v)}
          >
            {all ? t('home.fields.less') : t('home.fields.more', { count: fields.length })}
          </Button>
        )}
      </>
    );
  }

  return (
    <section aria-labelledby="fields-title">
      <Title order={2} fz="h3" id="fields-title" mb="sm">
        {t('home.fields.title')}
      </Title>
      {body}
    </section>
  );
}
