import { Table, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { pickLocalized } from '../../../ui/localized';
import { ScrollTable } from '../ScrollTable';
import { AgencyRow } from './AgencyRow';
import type { Agency } from './api';
import '../i18n';

/** Agencies matching a search, each with its parent named (the tree is not there to show it). */
export function AgencyTable({
  agencies,
  all,
  managed,
}: {
  agencies: readonly Agency[];
  all: readonly Agency[];
  managed: ReadonlySet<string>;
}) {
  const { t, i18n } = useTranslation('admin');
  const byCode = new Map(all.map((a) => [a.code, a]));
  const parentName = (a: Agency) => {
    const parent = a.parentCode ? byCode.get(a.parentCode) : undefined;
    return parent ? pickLocalized(parent.name, i18n.language) : (a.parentCode ?? null);
  };
  return (
    <ScrollTable label={t('agencies.resultsLabel')} minWidth={900}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('agencies.columns.name')}</Table.Th>
          <Table.Th>{t('agencies.columns.code')}</Table.Th>
          <Table.Th>{t('agencies.columns.kind')}</Table.Th>
          <Table.Th>{t('agencies.columns.parent')}</Table.Th>
          <Table.Th>{t('agencies.columns.adminUnit')}</Table.Th>
          <Table.Th>
            <VisuallyHidden>{t('agencies.columns.staff')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {agencies.map((a) => (
          <AgencyRow key={a.code} agency={a} parentName={parentName(a)} manages={managed.has(a.code)} />
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
