import '@mantine/core/styles/ModalBase.css';
import '@mantine/core/styles/Modal.css';
import '@mantine/core/styles/Overlay.css';
import { Alert, Button, Group, Modal, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../app/auth';
import type { ApiError } from '../../../ui/api';
import { pickLocalized } from '../../../ui/localized';
import { AgencySelect } from '../AgencySelect';
import { type AdminAccess, grantableRoles } from '../access';
import type { Agency } from '../agencies/api';
import { asApiError, fieldMessage } from '../errors';
import { RequestError } from '../RequestError';
import { grantRole, type PersonSummary, revokeRole } from './api';
import '../i18n';

/** Roles that give administration rights: an admin does not remove their own, so is never locked out. */
const ADMIN_ROLES = new Set(['system_admin', 'agency_admin']);

/**
 * A person's roles: each can be revoked where the caller manages the agency, and a role in one of
 * those agencies granted. Granting or revoking is logged in the audit trail by the server.
 */
export function RolesDialog({
  person: initial,
  self,
  access,
  agencies,
  onClose,
  onChanged,
}: {
  person: PersonSummary;
  /** The admin's own account: their administration roles stay (another admin may remove them). */
  self: boolean;
  access: AdminAccess;
  agencies: readonly Agency[];
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation('admin');
  const { t: tApp } = useTranslation();
  const [person, setPerson] = useState(initial);
  const [agency, setAgency] = useState<string | null>(null);
  const roles = grantableRoles(access);
  const [role, setRole] = useState<Role>(roles[0]!);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [agencyMissing, setAgencyMissing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const managed = new Set(agencies.map((a) => a.code));
  const grantTitle = useId();

  const run = async (key: string, call: () => Promise<PersonSummary>, message: string) => {
    setBusy(key);
    setError(null);
    setDone(null);
    try {
      setPerson(await call());
      setDone(message);
      onChanged();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(null);
    }
  };

  const grant = () => {
    if (!agency) {
      setAgencyMissing(true);
      return;
    }
    const agencyName = agencies.find((a) => a.code === agency)?.name;
    void run(
      'grant',
      () => grantRole(person.id, agency, role),
      t('roles.granted', {
        role: tApp(`roles.${role}`),
        agency: agencyName ? pickLocalized(agencyName, i18n.language) : agency,
      }),
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t('roles.title', { name: person.fullName })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="lg">
        <Stack gap="xs" component="section">
          <Title order={2} fz="h5">
            {t('roles.current')}
          </Title>
          {person.roles.length === 0 ? (
            <Text c="dimmed">{t('users.noRoles')}</Text>
          ) : (
            <ul className="cqs-admin-list">
              {person.roles.map((r) => {
                const key = `${r.agencyCode}/${r.role}`;
                const agencyName = pickLocalized(r.agencyName, i18n.language);
                return (
                  <li key={key}>
                    <Group justify="space-between" wrap="nowrap" gap="sm">
                      <div>
                        <Text fw={600}>{tApp(`roles.${r.role}`)}</Text>
                        <Text size="sm" c="dimmed">
                          {agencyName}
                        </Text>
                      </div>
                      {(access.system || managed.has(r.agencyCode)) && !(self && ADMIN_ROLES.has(r.role)) && (
                        <Button
                          variant="subtle"
                          color="red"
                          loading={busy === key}
                          aria-label={t('roles.revokeOne', {
                            role: tApp(`roles.${r.role}`),
                            agency: agencyName,
                          })}
                          onClick={() =>
                            void run(
                              key,
                              () => revokeRole(person.id, r.agencyCode, r.role),
                              t('roles.revoked', {
                                role: tApp(`roles.${r.role}`),
                                agency: agencyName,
                              }),
                            )
                          }
                        >
                          {t('roles.revoke')}
                        </Button>
                      )}
                    </Group>
                  </li>
                );
              })}
            </ul>
          )}
        </Stack>

        <Stack gap="sm" component="section" aria-labelledby={grantTitle}>
          <Title order={2} fz="h5" id={grantTitle}>
            {t('roles.grantTitle')}
          </Title>
          <AgencySelect
            agencies={agencies}
            value={agency}
            onChange={(code) => {
              setAgency(code);
              setAgencyMissing(false);
            }}
            label={t('roles.agency')}
            required
            error={
              agencyMissing ? t('roles.agencyRequired') : fieldMessage(error, i18n.language, 'agencyCode')
            }
          />
          <NativeSelect
            size="md"
            label={t('roles.role')}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as Role)}
            data={roles.map((r) => ({ value: r, label: tApp(`roles.${r}`) }))}
            error={fieldMessage(error, i18n.language, 'role')}
          />
          {error && <RequestError error={error} />}
          {done && (
            <Alert color="green" variant="light" role="status">
              {done}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
            <Button onClick={grant} loading={busy === 'grant'}>
              {t('roles.grant')}
            </Button>
          </Group>
        </Stack>
      </Stack>
    </Modal>
  );
}
