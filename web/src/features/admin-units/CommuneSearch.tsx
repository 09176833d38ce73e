import { Badge, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { communeTypes } from '../../app/site';
import { ErrorState } from '../../ui/ErrorState';
import { SearchIcon } from '../../ui/icons';
import { useApiQuery } from '../../ui/useApiQuery';
import { type AdminUnit, type AdminUnitPage, communeSearchPath } from './api';

const minQueryLength = 2;
const debounceMs = 300;
/** Enough to scan on a phone; the count says when there are more. */
const pageSize = 20;

export interface CommuneSearchProps {
  provinceCode: string;
  /** The province inside a sentence, e.g. "tỉnh Tuyên Quang". */
  place: string;
}

/** "Tra cứu xã, phường": finds the communes of the province as the person types. */
export function CommuneSearch({ provinceCode, place }: CommuneSearchProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [debounced] = useDebouncedValue(value.trim(), debounceMs);
  const query = debounced.length >= minQueryLength ? debounced : null;
  const result = useApiQuery<AdminUnitPage>(query ? communeSearchPath(provinceCode, query, pageSize) : null);
  const titleId = useId();
  const statusId = useId();

  const page =
    result.status === 'success' ? result.data : result.status === 'loading' ? result.previous : undefined;

  function statusText(): string {
    if (query === null) return t('search.hint', { min: minQueryLength });
    if (result.status === 'loading') return t('search.searching');
    if (result.status !== 'success') return '';
    const { total, items } = result.data;
    if (total === 0) return t('search.noResults', { q: query });
    const found = t('search.resultCount', { count: total });
    return items.length < total ? `${found} ${t('search.showing', { shown: items.length, total })}` : found;
  }
  const status = statusText();

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap="md">
        <div>
          <Title order={2} fz="h3" id={titleId}>
            {t('search.title')}
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            {t('search.intro', { place })}
          </Text>
        </div>
        <TextInput
          type="search"
          size="md"
          label={t('search.label')}
          description={t('search.description')}
          placeholder={t('search.placeholder')}
          leftSection={<SearchIcon />}
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
          aria-describedby={statusId}
          aria-controls={page && query !== null ? `${statusId}-results` : undefined}
        />
        <Text id={statusId} size="sm" c="dimmed" role="status" aria-live="polite">
          {status}
        </Text>
        {result.status === 'error' ? (
          <ErrorState error={result.error} onRetry={result.retry} title={t('search.error')} />
        ) : (
          query !== null &&
          page &&
          page.items.length > 0 && (
            <ul
              className="cqs-results"
              id={`${statusId}-results`}
              aria-label={t('search.resultsLabel')}
              aria-busy={result.status === 'loading'}
            >
              {page.items.map((unit) => (
                <CommuneItem key={unit.code} unit={unit} />
              ))}
            </ul>
          )
        )}
      </Stack>
    </Card>
  );
}

function CommuneItem({ unit }: { unit: AdminUnit }) {
  const { t } = useTranslation();
  const knownType = communeTypes.find((type) => type === unit.type);
  return (
    <li>
      <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
        <div>
          <Text fw={600}>{unit.name}</Text>
          <Text size="sm" c="dimmed">
            {t('search.code', { code: unit.code })}
          </Text>
        </div>
        <Badge
          variant="light"
          tt="none"
          size="md"
          color={knownType === 'phuong' ? 'teal' : 'brand'}
          style={{ flexShrink: 0 }}
        >
          {knownType ? t(`unitType.${knownType}`) : unit.type}
        </Badge>
      </Group>
    </li>
  );
}
