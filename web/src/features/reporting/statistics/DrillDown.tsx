import { Group, Modal, Pagination, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../ui/LoadingState';
import { formatNumber } from '../../../ui/localized';
import { useApiQuery } from '../../../ui/useApiQuery';
import { type DossierList, type DossierSet, dossiersUrl, type StatsFilters } from './api';
import { formatDay } from './format';
import { ProcedureDrillList } from './ProcedureDrill';
import { ScrollBox } from './ScrollBox';
import { StatsProblem } from './StatsProblem';

// Every figure opens the dossiers behind it: the same period and filters, the named set.

export interface DrillRequest {
  set: DossierSet;
  /** Instead of dossiers: a list of procedures (a 766 procedure count), e.g. `online_used`. */
  procedures?: string;
  filters: StatsFilters;
  /** What the figure counts ("Đã giải quyết") and for whom ("Sở Tư pháp"), for the title. */
  what: string;
  row: string;
}

const DrillContext = createContext<(request: DrillRequest) => void>(() => {});

/** Holds the drill-down list (a modal, full screen on a phone) for the figures inside. */
export function DrillProvider({ children }: { children: ReactNode }) {
  const [request, setRequest] = useState<DrillRequest | null>(null);
  const open = useCallback((r: DrillRequest) => setRequest(r), []);
  const phone = useMediaQuery('(max-width: 36em)');
  const { t } = useTranslation('statistics');
  return (
    <DrillContext.Provider value={open}>
      {children}
      <Modal
        opened={request !== null}
        onClose={() => setRequest(null)}
        title={request ? t('drill.title', { what: request.what, row: request.row }) : ''}
        size="xl"
        fullScreen={phone}
        closeButtonProps={{ 'aria-label': t('drill.close') }}
      >
        {request?.procedures ? (
          <ProcedureDrillList
            set={request.procedures}
            filters={request.filters}
            title={t('drill.title', { what: request.what, row: request.row })}
          />
        ) : (
          request && <DrillList request={request} />
        )}
      </Modal>
    </DrillContext.Provider>
  );
}

const PAGE_SIZE = 20;

function DrillList({ request }: { request: DrillRequest }) {
  const { t, i18n } = useTranslation('statistics');
  const [page, setPage] = useState(1);
  const url = dossiersUrl(request.filters, request.set, PAGE_SIZE, (page - 1) * PAGE_SIZE);
  const list = useApiQuery<DossierList>(url);
  const data = list.status === 'success' ? list.data : list.status === 'loading' ? list.previous : undefined;
  if (list.status === 'error') return <StatsProblem error={list.error} onRetry={list.retry} />;
  if (!data) return <LoadingState label={t('gate.loading')} />;
  const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
  return (
    <Stack gap="sm" data-testid="drill-list">
      <Text fw={600} aria-live="polite">
        {t('drill.total', { count: data.total, formatted: formatNumber(data.total, i18n.language) })}
      </Text>
      {data.items.length === 0 ? (
        <Text>{t('drill.empty')}</Text>
      ) : (
        <ScrollBox label={t('drill.title', { what: request.what, row: request.row })}>
          <Table striped verticalSpacing="xs" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('drill.code')}</Table.Th>
                <Table.Th>{t('drill.procedure')}</Table.Th>
                <Table.Th>{t('drill.agency')}</Table.Th>
                <Table.Th>{t('drill.receivedAt')}</Table.Th>
                <Table.Th>{t('drill.dueAt')}</Table.Th>
                <Table.Th>{t('drill.doneAt')}</Table.Th>
                <Table.Th className="st-num">{t('drill.days')}</Table.Th>
                <Table.Th className="st-num">{t('drill.rating')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{d.code ?? t('drill.noCode')}</Table.Td>
                  <Table.Td miw={200}>
                    {d.procedureName} ({d.procedureCode})
                  </Table.Td>
                  <Table.Td miw={160}>{d.agencyName}</Table.Td>
                  <Table.Td className="st-num">{formatDay(d.receivedAt)}</Table.Td>
                  <Table.Td className="st-num">{formatDay(d.dueAt)}</Table.Td>
                  <Table.Td className="st-num">{formatDay(d.doneAt)}</Table.Td>
                  <Table.Td className="st-num">
                    {d.workingDaysTaken === null ? '—' : formatNumber(d.workingDaysTaken, i18n.language, 1)}
                  </Table.Td>
                  <Table.Td className="st-num">{d.rating ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollBox>
      )}
      {pages > 1 && (
        <Group justify="center">
          <Pagination
            total={pages}
            value={page}
            onChange={setPage}
            size="sm"
            siblings={0}
            getControlProps={(control) =>
              control === 'previous'
                ? { 'aria-label': t('drill.previous') }
                : control === 'next'
                  ? { 'aria-label': t('drill.next') }
                  : {}
            }
            aria-label={t('drill.pages')}
          />
        </Group>
      )}
    </Stack>
  );
}

/**
 * A figure that opens its dossiers. `scope` narrows the page's filters to the figure's row; null
 * when the API cannot list that row (the number is then plain text).
 */
export function Figure({
  value,
  set,
  procedures,
  filters,
  what,
  row,
}: {
  value: number;
  set: DossierSet;
  procedures?: string;
  filters: StatsFilters | null;
  what: string;
  row: string;
}) {
  const open = useContext(DrillContext);
  const { t, i18n } = useTranslation('statistics');
  const text = formatNumber(value, i18n.language);
  const request = useMemo(
    () => (filters ? { set, procedures, filters, what, row } : null),
    [set, procedures, filters, what, row],
  );
  if (!request) return <span>{text}</span>;
  return (
    <UnstyledButton
      className="st-figure"
      onClick={() => open(request)}
      aria-label={t('table.openList', { formatted: text, what, row })}
    >
      {text}
    </UnstyledButton>
  );
}
