import { Button, Group, Menu, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChevronDownIcon } from '../../../ui/icons';
import { pickLocalized } from '../../../ui/localized';
import type { AdminAccess } from '../access';
import type { Agency } from '../agencies/api';
import { ConfirmDialog, type ConfirmRequest } from '../ConfirmDialog';
import { formatDateTime } from '../format';
import { ScrollTable } from '../ScrollTable';
import { Tag } from '../Tag';
import { type AccountAction, accountAction, endSessions, type PersonSummary } from './api';
import { RolesDialog } from './RolesDialog';
import '../i18n';

/** Accounts, one per row: who, their roles, their state, and only the actions the server allows. */
export function PersonTable({
  persons,
  selfId,
  access,
  agencies,
  onChanged,
}: {
  persons: readonly PersonSummary[];
  /** The signed-in admin: they cannot take away their own administration roles. */
  selfId: string;
  access: AdminAccess;
  /** The agencies the caller manages: where roles may be granted. */
  agencies: readonly Agency[];
  onChanged: () => void;
}) {
  const { t } = useTranslation('admin');
  const [rolesOf, setRolesOf] = useState<PersonSummary | null>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const managedCodes = new Set(agencies.map((a) => a.code));

  const act = (person: PersonSummary, action: AccountAction) => {
    const run = async () => {
      if (action === 'end_sessions') await endSessions(person.id);
      else await accountAction(person.id, action);
      onChanged();
    };
    // Unlocking and enabling give access back; disabling and ending sessions take it away (red).
    const restores = action === 'unlock' || action === 'enable';
    setConfirm({
      title: t(`users.confirm.${action}.title`, { name: person.fullName }),
      body: t(`users.confirm.${action}.body`),
      confirmLabel: t(`users.actions.${action}`),
      color: restores ? 'brand' : 'red',
      run,
    });
  };

  return (
    <>
      <ScrollTable label={t('users.tableLabel')} minWidth={960}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th miw={240}>{t('users.columns.person')}</Table.Th>
            <Table.Th miw={240}>{t('users.columns.roles')}</Table.Th>
            <Table.Th>{t('users.columns.status')}</Table.Th>
            <Table.Th>{t('users.columns.twoFactor')}</Table.Th>
            <Table.Th>{t('users.columns.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {persons.map((p) => {
            const mayGrant = access.system || p.roles.some((r) => managedCodes.has(r.agencyCode));
            return (
              <Table.Tr key={p.id} data-person={p.fullName}>
                <Table.Td>
                  <Text fw={600}>{p.fullName}</Text>
                  <Text size="sm" c="dimmed">
                    {[p.email, p.phone, p.cccd].filter(Boolean).join(' · ') || '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <RoleList roles={p.roles} />
                </Table.Td>
                <Table.Td>
                  <StatusBadge person={p} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{p.totpEnabled ? t('users.twoFactorOn') : t('users.twoFactorOff')}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {mayGrant && (
                      <Button
                        variant="light"
                        onClick={() => setRolesOf(p)}
                        aria-label={t('users.rolesOf', { name: p.fullName })}
                      >
                        {t('users.roles')}
                      </Button>
                    )}
                    {p.actions.length > 0 && (
                      <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
                        <Menu.Target>
                          <Button
                            variant="default"
                            rightSection={<ChevronDownIcon />}
                            aria-label={t('users.moreFor', { name: p.fullName })}
                          >
                            {t('users.more')}
                          </Button>
                        </Menu.Target>
                        <Menu.Dropdown>
                          {p.actions.map((a) => (
                            <Menu.Item key={a} onClick={() => act(p, a)}>
                              {t(`users.actions.${a}`)}
                            </Menu.Item>
                          ))}
                        </Menu.Dropdown>
                      </Menu>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </ScrollTable>
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
      {rolesOf && (
        <RolesDialog
          person={rolesOf}
          self={rolesOf.id === selfId}
          access={access}
          agencies={agencies}
          onClose={() => setRolesOf(null)}
          onChanged={onChanged}
        />
      )}
    </>
  );
}

function RoleList({ roles }: { roles: PersonSummary['roles'] }) {
  const { t, i18n } = useTranslation();
  const { t: ta } = useTranslation('admin');
  if (roles.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {ta('users.noRoles')}
      </Text>
    );
  return (
    <Stack gap={4}>
      {roles.map((r) => (
        <Text size="sm" key={`${r.agencyCode}/${r.role}`}>
          <Text span fw={600} size="sm">
            {t(`roles.${r.role}`)}
          </Text>
          {' · '}
          {pickLocalized(r.agencyName, i18n.language)}
        </Text>
      ))}
    </Stack>
  );
}

function StatusBadge({ person }: { person: PersonSummary }) {
  const { t, i18n } = useTranslation('admin');
  if (person.lockedUntil)
    return (
      <Tag color="orange" wrap>
        {t('users.status.lockedUntil', { time: formatDateTime(person.lockedUntil, i18n.language) })}
      </Tag>
    );
  const known = ['active', 'disabled', 'pending'] as const;
  const status = known.find((s) => s === person.status);
  const color = status === 'active' ? 'green' : status === 'pending' ? 'yellow' : 'gray';
  return <Tag color={color}>{status ? t(`users.status.${status}`) : person.status}</Tag>;
}
