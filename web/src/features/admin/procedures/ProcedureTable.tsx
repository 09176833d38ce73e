import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../../app/router';
import { pickLocalized } from '../../../ui/localized';
import { ConfirmDialog, type ConfirmRequest } from '../ConfirmDialog';
import { ScrollTable } from '../ScrollTable';
import { Tag } from '../Tag';
import { DURATION_UNITS, type Duration, type ProcedureSummary, setProcedureEnabled } from './api';
import '../i18n';

/** The catalogue's procedures: whether the province offers each, and links to edit them. */
export function ProcedureTable({
  procedures,
  onChanged,
}: {
  procedures: readonly ProcedureSummary[];
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation('admin');
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const editHref = (code: string) => {
    const params = new URLSearchParams(window.location.search);
    params.set('ma', code);
    return `/quan-tri/thu-tuc?${params}`;
  };
  const toggle = (p: ProcedureSummary) => {
    const name = pickLocalized(p.name, i18n.language);
    const enable = !p.enabled;
    setConfirm({
      title: t(enable ? 'procedures.confirmEnable' : 'procedures.confirmDisable', { name }),
      body: t(enable ? 'procedures.confirmEnableBody' : 'procedures.confirmDisableBody'),
      confirmLabel: t(enable ? 'procedures.enable' : 'procedures.disable'),
      color: enable ? 'brand' : 'red',
      run: async () => {
        await setProcedureEnabled(p.code, enable);
        onChanged();
      },
    });
  };
  return (
    <>
      <ScrollTable label={t('procedures.tableLabel')} minWidth={980}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('procedures.columns.code')}</Table.Th>
            <Table.Th>{t('procedures.columns.name')}</Table.Th>
            <Table.Th>{t('procedures.columns.level')}</Table.Th>
            <Table.Th>{t('procedures.columns.time')}</Table.Th>
            <Table.Th>{t('procedures.columns.status')}</Table.Th>
            <Table.Th>{t('procedures.columns.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {procedures.map((p) => {
            const name = pickLocalized(p.name, i18n.language);
            const online = p.onlineType === 'full' ? 'full' : p.onlineType === 'partial' ? 'partial' : null;
            return (
              <Table.Tr key={p.code} data-procedure={p.code}>
                <Table.Td>
                  <span className="cqs-admin-code">{p.code}</span>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} href={editHref(p.code)} fw={600}>
                    {name}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {[p.field, online ? t(`procedures.online.${online}`) : null].filter(Boolean).join(' · ')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {p.levels.map((l) => (
                    <Text size="sm" key={l} style={{ whiteSpace: 'nowrap' }}>
                      {l === 'province' || l === 'commune' || l === 'ministry'
                        ? t(`procedures.levels.${l}`)
                        : l}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {p.processingTime ? (
                      <DurationText duration={p.processingTime} />
                    ) : (
                      (p.processingTimeText ?? '—')
                    )}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Tag color={p.enabled ? 'green' : 'gray'}>
                    {p.enabled ? t('procedures.enabled') : t('procedures.disabled')}
                  </Tag>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      component={Link}
                      href={editHref(p.code)}
                      variant="light"
                      aria-label={t('procedures.editOne', { name })}
                    >
                      {t('procedures.edit')}
                    </Button>
                    <Button
                      variant="default"
                      onClick={() => toggle(p)}
                      aria-label={t(p.enabled ? 'procedures.disableOne' : 'procedures.enableOne', { name })}
                    >
                      {p.enabled ? t('procedures.disable') : t('procedures.enable')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </ScrollTable>
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </>
  );
}

/** "5 ngày làm việc". */
export function DurationText({ duration }: { duration: Duration }) {
  const { t, i18n } = useTranslation('admin');
  const unit = DURATION_UNITS.includes(duration.unit)
    ? t(`procedures.unitsCount.${duration.unit}`, { count: duration.value })
    : duration.unit;
  return <>{`${duration.value.toLocaleString(i18n.language === 'en' ? 'en-US' : 'vi-VN')} ${unit}`}</>;
}
