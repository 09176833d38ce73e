import { NativeSelect, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from '../../../app/router';
import { ErrorState } from '../../../ui/ErrorState';
import { LoadingState } from '../../../ui/LoadingState';
import { formatNumber, pickLocalized } from '../../../ui/localized';
import { useApiQuery } from '../../../ui/useApiQuery';
import type { SectionProps } from '../AdminPage';
import { useAllAgencies } from '../agencies/api';
import { formatDateTime } from '../format';
import { Pager } from '../Pager';
import { pageParam, setQueryParams } from '../query';
import { ScrollTable } from '../ScrollTable';
import { SearchInput } from '../SearchInput';
import { SectionHeader } from '../SectionHeader';
import { usePeopleNames } from '../usePeopleNames';
import { AUDIT_ACTIONS, type AuditEntry, auditPath, useAuditLabels } from './labels';
import '../i18n';

const PAGE_SIZE = 25;

/**
 * `/quan-tri/nhat-ky`: the audit trail, newest first: who did what to which record, when, from
 * where. The server gives its latest 500 entries (for a filter: action `hanhdong`, record `doituong`);
 * they are read here a page (`trang`) at a time.
 */
export function AuditSection({ me }: SectionProps) {
  const { t, i18n } = useTranslation('admin');
  const params = useSearchParams();
  const action = params.get('hanhdong') ?? '';
  const subject = params.get('doituong') ?? '';
  const page = pageParam(params);
  const audit = useApiQuery<{ items: AuditEntry[] }>(auditPath(action, subject), { fresh: true });
  const nameOf = usePeopleNames(true);
  const agencies = useAllAgencies();
  const agencyNames = new Map(
    agencies.status === 'success'
      ? agencies.data.items.map((a) => [a.id, pickLocalized(a.name, i18n.language)])
      : [],
  );
  const labels = useAuditLabels((id) => agencyNames.get(id));
  const who = (id: string | null) =>
    id === null
      ? t('audit.system')
      : id === me.id
        ? t('audit.you', { name: me.fullName })
        : (nameOf(id) ?? id.slice(0, 8));

  const items =
    audit.status === 'success'
      ? audit.data.items
      : audit.status === 'loading'
        ? audit.previous?.items
        : undefined;
  const shown = items?.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) ?? [];

  return (
    <Stack gap="lg">
      <SectionHeader title={t('sections.audit.title')} intro={t('audit.intro')} />
      <SimpleGrid
        cols={{ base: 1, sm: 2 }}
        spacing="md"
        component="form"
        role="search"
        onSubmit={(e) => e.preventDefault()}
      >
        <NativeSelect
          size="md"
          label={t('audit.action')}
          value={action}
          onChange={(e) => setQueryParams({ hanhdong: e.currentTarget.value, trang: null })}
          data={[
            { value: '', label: t('audit.allActions') },
            ...AUDIT_ACTIONS.map((a) => ({ value: a, label: labels.action(a) })),
          ]}
        />
        <SearchInput
          label={t('audit.subject')}
          description={t('audit.subjectHelp')}
          value={subject}
          onCommit={(value) => setQueryParams({ doituong: value.trim(), trang: null })}
        />
      </SimpleGrid>
      {audit.status === 'error' ? (
        <ErrorState error={audit.error} onRetry={audit.retry} />
      ) : !items ? (
        <LoadingState label={t('common.loading')} />
      ) : (
        <>
          <Text aria-live="polite">
            {items.length === 0
              ? t('audit.none')
              : t('audit.count', { count: items.length, n: formatNumber(items.length, i18n.language) })}
          </Text>
          {shown.length > 0 && (
            <ScrollTable label={t('audit.tableLabel')} minWidth={980}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('audit.columns.at')}</Table.Th>
                  <Table.Th>{t('audit.columns.who')}</Table.Th>
                  <Table.Th>{t('audit.columns.what')}</Table.Th>
                  <Table.Th>{t('audit.columns.subject')}</Table.Th>
                  <Table.Th>{t('audit.columns.ip')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((e) => (
                  <Table.Tr key={e.seq}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(e.at, i18n.language)}
                    </Table.Td>
                    <Table.Td>{who(e.actorId)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {labels.action(e.action)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {labels.details(e.details)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{labels.subjectType(e.subjectType)}</Text>
                      {e.subjectId &&
                        (e.subjectType === 'person' && nameOf(e.subjectId) ? (
                          <Text size="sm" fw={500}>
                            {nameOf(e.subjectId)}
                          </Text>
                        ) : (
                          <Text size="xs" className="cqs-admin-code" style={{ whiteSpace: 'normal' }}>
                            {e.subjectId}
                          </Text>
                        ))}
                    </Table.Td>
                    <Table.Td>
                      <span className="cqs-admin-code">{e.ip ?? '—'}</span>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
          )}
          <Pager
            page={page}
            pageSize={PAGE_SIZE}
            total={items.length}
            onChange={(p) => setQueryParams({ trang: p })}
          />
        </>
      )}
    </Stack>
  );
}
