import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Checkbox.css';
import { Button, Checkbox, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from '../../../app/router';
import { ErrorState } from '../../../ui/ErrorState';
import { LoadingState } from '../../../ui/LoadingState';
import { formatNumber } from '../../../ui/localized';
import { useApiQuery } from '../../../ui/useApiQuery';
import type { SectionProps } from '../AdminPage';
import { AgencySelect } from '../AgencySelect';
import { managedAgencies } from '../access';
import { useAllAgencies } from '../agencies/api';
import { Pager } from '../Pager';
import { pageParam, setQueryParams } from '../query';
import { SearchInput } from '../SearchInput';
import { SectionHeader } from '../SectionHeader';
import { PAGE_SIZE, type PersonPage, personsPath } from './api';
import { CreateOfficialForm } from './CreateOfficialForm';
import { PersonTable } from './PersonTable';
import '../i18n';

/**
 * `/quan-tri/nguoi-dung`: accounts and their roles. A system admin sees everyone; an agency admin
 * the staff of the agencies they manage (the server requires the agency then). Filters: `q`,
 * `coquan` (agency code), `khoa=1` (locked only), `trang`.
 */
export function UsersSection({ me, access }: SectionProps) {
  const { t, i18n } = useTranslation('admin');
  const params = useSearchParams();
  const agencies = useAllAgencies();
  const managed = agencies.status === 'success' ? managedAgencies(access, agencies.data.items) : [];
  const q = params.get('q') ?? '';
  const locked = params.get('khoa') === '1';
  const page = pageParam(params);
  const requested = params.get('coquan') ?? '';
  // An agency admin always looks at one of their agencies; the first one until they pick another.
  const agency =
    access.system || managed.some((a) => a.code === requested) ? requested : (managed[0]?.code ?? '');
  const ready = access.system || agency !== '';
  const persons = useApiQuery<PersonPage>(ready ? personsPath({ q, agency, locked, page }) : null, {
    fresh: true,
  });
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    if (!access.system && agency && agency !== requested) setQueryParams({ coquan: agency });
  }, [access.system, agency, requested]);

  const list =
    persons.status === 'success' ? persons.data : persons.status === 'loading' ? persons.previous : undefined;

  return (
    <Stack gap="lg">
      <SectionHeader
        title={t('sections.users.title')}
        intro={access.system ? t('users.introSystem') : t('users.introAgency')}
        action={
          !creating && managed.length > 0 ? (
            <Button onClick={() => setCreating(true)}>{t('users.create')}</Button>
          ) : undefined
        }
      />
      {creating && (
        <CreateOfficialForm
          access={access}
          agencies={managed}
          defaultAgency={agency || null}
          onClose={() => setCreating(false)}
          onCreated={() => persons.retry()}
        />
      )}
      <SimpleGrid
        cols={{ base: 1, sm: 2, lg: 3 }}
        spacing="md"
        component="form"
        role="search"
        onSubmit={(e) => e.preventDefault()}
      >
        <SearchInput
          label={t('users.search')}
          placeholder={t('users.searchPlaceholder')}
          value={q}
          onCommit={(value) => setQueryParams({ q: value, trang: null })}
        />
        <AgencySelect
          agencies={managed}
          value={agency || null}
          onChange={(code) => setQueryParams({ coquan: code, trang: null })}
          label={t('users.agency')}
          placeholder={access.system ? t('users.allAgencies') : undefined}
          clearable={access.system}
        />
        <Group align="flex-end" pb={10}>
          <Checkbox
            size="md"
            label={t('users.lockedOnly')}
            checked={locked}
            onChange={(e) => setQueryParams({ khoa: e.currentTarget.checked ? '1' : null, trang: null })}
          />
        </Group>
      </SimpleGrid>

      {agencies.status === 'error' ? (
        <ErrorState error={agencies.error} onRetry={agencies.retry} />
      ) : persons.status === 'error' ? (
        <ErrorState error={persons.error} onRetry={persons.retry} />
      ) : !list ? (
        <LoadingState label={t('common.loading')} />
      ) : (
        <>
          <Text aria-live="polite">
            {list.total === 0
              ? t('users.none')
              : t('users.count', { count: list.total, n: formatNumber(list.total, i18n.language) })}
          </Text>
          {list.items.length > 0 && (
            <PersonTable
              persons={list.items}
              selfId={me.id}
              access={access}
              agencies={managed}
              onChanged={persons.retry}
            />
          )}
          <Pager
            page={page}
            pageSize={PAGE_SIZE}
            total={list.total}
            onChange={(p) => setQueryParams({ trang: p })}
          />
        </>
      )}
    </Stack>
  );
}
