import { Alert, Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, getJson } from '../../../ui/api';
import type { FoundPerson } from '../api';
import { errorText } from '../format';
import { type ApplicantDraft, type ApplicantField, fromPerson, type Problems } from './model';

export interface ApplicantFieldsProps {
  value: ApplicantDraft;
  onChange: (next: ApplicantDraft) => void;
  /** The account found by CCCD (null: someone without an account); the server decides the link. */
  personId: string | null;
  onPerson: (id: string | null) => void;
  problems: Problems;
  /** Messages of the server, per field, from the last failed intake. */
  serverError: (field: ApplicantField) => string | undefined;
}

type Lookup =
  | { status: 'idle' }
  | { status: 'busy' }
  | { status: 'found'; person: FoundPerson }
  | { status: 'none' }
  | { status: 'error'; message: string };

/**
 * Who files: found by CCCD among the accounts (prefilled; the server links the dossier, so that it
 * shows in their "Hồ sơ của tôi", only to an account whose CCCD is verified, level 2), or typed for
 * someone without an account. Every lookup is audited by the server.
 */
export function ApplicantFields({
  value,
  onChange,
  personId,
  onPerson,
  problems,
  serverError,
}: ApplicantFieldsProps) {
  const { t, i18n } = useTranslation('workspace');
  const [lookup, setLookup] = useState<Lookup>({ status: 'idle' });
  const set = (field: ApplicantField, v: string) => {
    // Another CCCD is another person: the link to the account found earlier no longer holds.
    if (field === 'cccd' && personId) {
      onPerson(null);
      setLookup({ status: 'idle' });
    }
    onChange({ ...value, [field]: v });
  };
  const cccd = value.cccd.replace(/\s+/g, '');

  const find = async () => {
    if (!/^\d{12}$/.test(cccd)) {
      setLookup({ status: 'error', message: t('intake.errors.cccd') });
      return;
    }
    setLookup({ status: 'busy' });
    try {
      const person = await getJson<FoundPerson>(`/api/identity/persons/lookup?cccd=${cccd}`, {
        revalidate: true,
      });
      onChange(fromPerson(person));
      onPerson(person.id);
      setLookup({ status: 'found', person });
    } catch (e) {
      onPerson(null);
      if (e instanceof ApiError && e.status === 404) setLookup({ status: 'none' });
      else setLookup({ status: 'error', message: errorText(e, i18n.language, t('intake.lookupFailed')) });
    }
  };

  const err = (f: ApplicantField) => (problems[f] ? t(problems[f] as 'intake.errors.cccd') : serverError(f));
  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          id="applicant-cccd"
          label={t('intake.cccd')}
          description={t('intake.cccdHelp')}
          value={value.cccd}
          onChange={(e) => set('cccd', e.currentTarget.value)}
          error={err('cccd')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={14}
          style={{ flex: '1 1 14rem' }}
        />
        <Button variant="light" onClick={find} loading={lookup.status === 'busy'}>
          {t('intake.lookup')}
        </Button>
      </Group>
      <div aria-live="polite">
        {lookup.status === 'found' && (
          <Alert color="teal" variant="light" data-testid="lookup-found">
            <Text size="sm">
              {t(lookup.person.assuranceLevel === 'level2' ? 'intake.found' : 'intake.foundUnverified', {
                name: lookup.person.fullName,
              })}
            </Text>
          </Alert>
        )}
        {lookup.status === 'none' && (
          <Alert color="blue" variant="light" data-testid="lookup-none">
            <Text size="sm">{t('intake.notFound')}</Text>
          </Alert>
        )}
        {lookup.status === 'error' && (
          <Text c="#9b1c1c" size="sm" role="alert">
            {lookup.message}
          </Text>
        )}
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput
          id="applicant-fullName"
          label={t('intake.fullName')}
          value={value.fullName}
          onChange={(e) => set('fullName', e.currentTarget.value)}
          error={err('fullName')}
          required
          autoComplete="off"
          maxLength={100}
        />
        <TextInput
          id="applicant-phone"
          label={t('intake.phone')}
          value={value.phone}
          onChange={(e) => set('phone', e.currentTarget.value)}
          error={err('phone')}
          inputMode="tel"
          autoComplete="off"
          maxLength={14}
        />
        <TextInput
          id="applicant-email"
          label={t('intake.email')}
          value={value.email}
          onChange={(e) => set('email', e.currentTarget.value)}
          error={err('email')}
          type="email"
          autoComplete="off"
          maxLength={254}
        />
        <TextInput
          id="applicant-addressDetail"
          label={t('intake.address')}
          value={value.addressDetail}
          onChange={(e) => set('addressDetail', e.currentTarget.value)}
          error={err('addressDetail')}
          autoComplete="off"
          maxLength={300}
        />
      </SimpleGrid>
    </Stack>
  );
}
