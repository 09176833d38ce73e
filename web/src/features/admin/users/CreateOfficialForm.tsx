import {
  Alert,
  Button,
  Card,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../app/auth';
import type { ApiError } from '../../../ui/api';
import { AgencySelect } from '../AgencySelect';
import { type AdminAccess, grantableRoles } from '../access';
import type { Agency } from '../agencies/api';
import { asApiError, fieldMessage } from '../errors';
import { RequestError } from '../RequestError';
import { createOfficial, type PersonSummary } from './api';
import '../i18n';

type Draft = { fullName: string; email: string; phone: string; cccd: string };
const EMPTY: Draft = { fullName: '', email: '', phone: '', cccd: '' };

/**
 * A new official's account with a first role. The server e-mails them a link to set a password;
 * they enrol two-factor at the first sign-in. A refused request keeps what was typed.
 */
export function CreateOfficialForm({
  access,
  agencies,
  defaultAgency,
  onClose,
  onCreated,
}: {
  access: AdminAccess;
  agencies: readonly Agency[];
  defaultAgency: string | null;
  onClose: () => void;
  onCreated: (person: PersonSummary) => void;
}) {
  const { t, i18n } = useTranslation('admin');
  const { t: tApp } = useTranslation();
  const roles = grantableRoles(access);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [agency, setAgency] = useState<string | null>(defaultAgency);
  const [role, setRole] = useState<Role>('specialist');
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [created, setCreated] = useState<{ name: string; email: string } | null>(null);
  const titleId = useId();

  const set = (key: keyof Draft) => (e: { currentTarget: { value: string } }) => {
    // Read now: React clears the event's currentTarget before a state updater runs.
    const value = e.currentTarget.value;
    setDraft((d) => ({ ...d, [key]: value }));
  };
  // What can be told before asking the server; the server checks the rest (CCCD, phone, duplicates).
  const local = {
    fullName: draft.fullName.trim().length < 2 ? t('createOfficial.fullNameRequired') : undefined,
    email: !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(draft.email.trim())
      ? t('createOfficial.emailInvalid')
      : undefined,
    agency: agency ? undefined : t('roles.agencyRequired'),
  };
  const message = (name: keyof Draft | 'agencyCode' | 'role', own?: string) =>
    (checked ? own : undefined) ?? fieldMessage(error, i18n.language, name);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (local.fullName || local.email || local.agency || !agency) return;
    setBusy(true);
    setError(null);
    try {
      const person = await createOfficial({
        fullName: draft.fullName.trim(),
        email: draft.email.trim(),
        ...(draft.phone.trim() ? { phone: draft.phone.trim() } : {}),
        ...(draft.cccd.trim() ? { cccd: draft.cccd.trim() } : {}),
        agencyCode: agency,
        role,
      });
      setCreated({ name: person.fullName, email: draft.email.trim() });
      setDraft(EMPTY);
      setChecked(false);
      onCreated(person);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={titleId}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <div>
            <Title order={2} fz="h3" id={titleId}>
              {t('createOfficial.title')}
            </Title>
            <Text size="sm" c="dimmed" mt={4}>
              {t('createOfficial.intro')}
            </Text>
          </div>
          {created && (
            <Alert color="green" variant="light" role="status" title={t('createOfficial.createdTitle')}>
              {t('createOfficial.created', created)}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('createOfficial.fullName')}
              required
              value={draft.fullName}
              onChange={set('fullName')}
              error={message('fullName', local.fullName)}
              autoComplete="off"
            />
            <TextInput
              label={t('createOfficial.email')}
              required
              type="email"
              value={draft.email}
              onChange={set('email')}
              error={message('email', local.email)}
              description={t('createOfficial.emailHelp')}
              autoComplete="off"
            />
            <TextInput
              label={t('createOfficial.phone')}
              type="tel"
              inputMode="tel"
              value={draft.phone}
              onChange={set('phone')}
              error={message('phone')}
              autoComplete="off"
            />
            <TextInput
              label={t('createOfficial.cccd')}
              inputMode="numeric"
              maxLength={12}
              value={draft.cccd}
              onChange={set('cccd')}
              error={message('cccd')}
              autoComplete="off"
            />
            <AgencySelect
              agencies={agencies}
              value={agency}
              onChange={setAgency}
              label={t('roles.agency')}
              required
              error={message('agencyCode', local.agency)}
            />
            <NativeSelect
              size="md"
              label={t('roles.role')}
              required
              value={role}
              onChange={(e) => setRole(e.currentTarget.value as Role)}
              data={roles.map((r) => ({ value: r, label: tApp(`roles.${r}`) }))}
              error={message('role')}
            />
          </SimpleGrid>
          {error && <RequestError error={error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('common.close')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('createOfficial.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
