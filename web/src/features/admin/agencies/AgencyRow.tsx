import { Anchor, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../app/router';
import { pickLocalized } from '../../../ui/localized';
import { Tag } from '../Tag';
import type { Agency } from './api';
import '../i18n';

const KIND_COLORS: Record<Agency['kind'], string> = {
  provincial_committee: 'red',
  committee_office: 'grape',
  department: 'brand',
  inspectorate: 'orange',
  service_center: 'teal',
  commune_committee: 'indigo',
  one_stop_desk: 'cyan',
};

/**
 * One agency's cells: name (with what goes before it in the tree), identifier, kind, parent when
 * asked, administrative unit, and a link to its staff for those who manage it.
 */
export function AgencyRow({
  agency,
  name,
  parentName,
  manages,
}: {
  agency: Agency;
  /** The name cell's content (the tree puts its toggle and indentation there). */
  name?: ReactNode;
  /** Shown in a column of its own when given (search results); the tree shows parents by nesting. */
  parentName?: string | null;
  manages: boolean;
}) {
  const { t, i18n } = useTranslation('admin');
  const label = pickLocalized(agency.name, i18n.language);
  return (
    <Table.Tr data-agency={agency.code}>
      <Table.Td>{name ?? <Text fw={500}>{label}</Text>}</Table.Td>
      <Table.Td>
        <span className="cqs-admin-code">{agency.code}</span>
      </Table.Td>
      <Table.Td>
        <Tag color={KIND_COLORS[agency.kind]}>{t(`kinds.${agency.kind}`)}</Tag>
      </Table.Td>
      {parentName !== undefined && <Table.Td>{parentName ?? <Text c="dimmed">—</Text>}</Table.Td>}
      <Table.Td>
        <span className="cqs-admin-code">{agency.adminUnitCode}</span>
      </Table.Td>
      <Table.Td>
        {manages && (
          <Anchor
            component={Link}
            href={`/quan-tri/nguoi-dung?coquan=${encodeURIComponent(agency.code)}`}
            aria-label={t('agencies.staffOf', { name: label })}
          >
            {t('agencies.staff')}
          </Anchor>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
