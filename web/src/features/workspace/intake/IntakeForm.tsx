import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Radio.css';
import { Alert, Button, Group, NativeSelect, Radio, Stack, Text } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../app/auth';
import { navigate } from '../../../app/router';
import { ApiError, sendJson } from '../../../ui/api';
import { pickLocalized } from '../../../ui/localized';
import { type Agency, type Dossier, desksOf, loadAgencies, type Procedure } from '../api';
import { errorText, fieldError } from '../format';
import { ApplicantFields } from './ApplicantFields';
import { AuthorityPicker } from './AuthorityPicker';
import { Checklist } from './Checklist';
import {
  type ApplicantDraft,
  applicantBody,
  applicantProblems,
  emptyApplicant,
  type Problems,
} from './model';
import { ProcedurePicker } from './ProcedurePicker';
import { Section } from './Section';

/**
 * A walk-in or postal dossier: the desk, the applicant, the procedure (and the deciding commune
 * when the catalogue leaves it open), the papers checked; the server receives it at once.
 */
export function IntakeForm({ me }: { me: Me }) {
  const { t, i18n } = useTranslation('workspace');
  const lang = i18n.language;
  const desks = desksOf(me);
  const [deskId, setDeskId] = useState(desks[0]?.agencyId ?? '');
  const [channel, setChannel] = useState<'direct' | 'postal'>('direct');
  const [applicant, setApplicant] = useState<ApplicantDraft>(emptyApplicant);
  const [personId, setPersonId] = useState<string | null>(null);
  const [procedure, setProcedure] = useState<Procedure | null>(null);
  const [authorityId, setAuthorityId] = useState<string | null>(null);
  const [checked, setChecked] = useState<Set<number>>(new Set());
  const [agencies, setAgencies] = useState<Agency[]>([]);
  // Checked as the person types once they tried to submit: a fixed field loses its message at once.
  const [tried, setTried] = useState(false);
  const [apiError, setApiError] = useState<unknown>(null);
  const [incompleteOk, setIncompleteOk] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    loadAgencies().then(setAgencies, () => undefined);
  }, []);

  const needsAuthority = procedure !== null && !procedure.competentAgencyId;
  const communeLevel = procedure?.levels.includes('commune') ?? false;
  // A commune's own desk most often takes its own commune's dossiers: offer that committee first.
  useEffect(() => {
    if (!needsAuthority || authorityId || !communeLevel) return;
    const desk = agencies.find((a) => a.id === deskId);
    const own =
      desk && agencies.find((a) => a.kind === 'commune_committee' && a.adminUnitCode === desk.adminUnitCode);
    if (own) setAuthorityId(own.id);
  }, [needsAuthority, communeLevel, authorityId, agencies, deskId]);

  const pickProcedure = (p: Procedure | null) => {
    setProcedure(p);
    setChecked(new Set());
    setAuthorityId(null);
    setIncompleteOk(false);
  };
  const missingRequired = (procedure?.documents ?? []).filter((d, i) => d.required && !checked.has(i)).length;

  const check = (): Problems => {
    const next: Problems = applicantProblems(applicant);
    if (!procedure) next.procedure = 'intake.errors.procedure';
    if (needsAuthority && !authorityId) next.competentAgency = 'intake.errors.authority';
    if (!deskId) next.desk = 'intake.errors.desk';
    return next;
  };
  const problems = tried ? check() : {};

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    const first = Object.keys(check())[0];
    if (first) {
      document.getElementById(FIELD_IDS[first] ?? '')?.focus();
      return;
    }
    if (missingRequired > 0 && !incompleteOk) return;
    setBusy(true);
    setApiError(null);
    try {
      const dossier = await sendJson<Dossier>('POST', '/api/dossiers/counter', {
        procedureCode: procedure!.code,
        channel,
        deskAgencyId: deskId,
        // No account id: the server links the account whose verified CCCD is the applicant's.
        applicant: applicantBody(applicant),
        formData: {},
        ...(needsAuthority && authorityId ? { competentAgencyId: authorityId } : {}),
      });
      navigate(`/can-bo/tiep-nhan?hoSo=${encodeURIComponent(dossier.id)}`);
    } catch (e) {
      setApiError(e);
      setBusy(false);
    }
  };

  const server = (...fields: string[]) => fieldError(apiError, lang, ...fields);
  const onlyFields =
    apiError instanceof ApiError && apiError.code === 'HTTP.VALIDATION' && apiError.fieldErrors.length > 0;
  const msg = (key: string | undefined) => (key ? t(key as 'intake.errors.desk') : undefined);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Section n={1} title={t('intake.where')}>
          <Stack gap="md">
            {desks.length > 1 ? (
              <NativeSelect
                id="desk"
                label={t('intake.desk')}
                value={deskId}
                onChange={(e) => setDeskId(e.currentTarget.value)}
                data={desks.map((d) => ({ value: d.agencyId, label: pickLocalized(d.agencyName, lang) }))}
                error={msg(problems.desk) ?? server('body.deskAgencyId')}
              />
            ) : (
              <Text>
                {t('intake.desk')}:{' '}
                <strong>{desks[0] ? pickLocalized(desks[0].agencyName, lang) : '—'}</strong>
              </Text>
            )}
            <Radio.Group
              label={t('intake.channel')}
              value={channel}
              onChange={(v) => setChannel(v as 'direct' | 'postal')}
              required
            >
              <Group gap="lg" mt="xs">
                <Radio value="direct" label={t('channel.direct')} />
                <Radio value="postal" label={t('channel.postal')} />
              </Group>
            </Radio.Group>
          </Stack>
        </Section>

        <Section n={2} title={t('intake.applicant')}>
          <ApplicantFields
            value={applicant}
            onChange={setApplicant}
            personId={personId}
            onPerson={setPersonId}
            problems={problems}
            serverError={(f) => server(`body.applicant.${f}`)}
          />
        </Section>

        <Section n={3} title={t('intake.procedure')}>
          <Stack gap="md">
            <ProcedurePicker
              value={procedure}
              onChange={pickProcedure}
              error={msg(problems.procedure) ?? server('body.procedureCode')}
            />
            {procedure && !procedure.channels.includes(channel) && (
              <Alert color="yellow" variant="light">
                <Text size="sm">{t('intake.channelNotListed')}</Text>
              </Alert>
            )}
            {needsAuthority && (
              <AuthorityPicker
                agencies={agencies}
                communeLevel={communeLevel}
                levels={procedure.levels}
                value={authorityId}
                onChange={setAuthorityId}
                error={msg(problems.competentAgency) ?? server('body.competentAgencyId', 'competentAgencyId')}
              />
            )}
          </Stack>
        </Section>

        {procedure && (
          <Section n={4} title={t('intake.checklist')}>
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('intake.checklistHelp')}
              </Text>
              <Checklist
                documents={procedure.documents}
                checked={checked}
                onToggle={(i, on) =>
                  setChecked((s) => {
                    const next = new Set(s);
                    if (on) next.add(i);
                    else next.delete(i);
                    return next;
                  })
                }
              />
            </Stack>
          </Section>
        )}

        {missingRequired > 0 && !incompleteOk && procedure && (
          <Alert color="yellow" variant="light" title={t('intake.incompleteTitle')}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('intake.incompleteBody', { count: missingRequired })}</Text>
              <Button variant="default" onClick={() => setIncompleteOk(true)}>
                {t('intake.incompleteConfirm')}
              </Button>
            </Stack>
          </Alert>
        )}
        {apiError !== null && (
          <Alert color="red" variant="light" role="alert" data-testid="intake-error">
            {onlyFields ? t('common.fixFields') : errorText(apiError, lang, t('common.failed'))}
          </Alert>
        )}
        <Group>
          <Button
            type="submit"
            size="lg"
            loading={busy}
            disabled={missingRequired > 0 && !incompleteOk && procedure !== null}
          >
            {t('intake.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const FIELD_IDS: Record<string, string> = {
  fullName: 'applicant-fullName',
  cccd: 'applicant-cccd',
  phone: 'applicant-phone',
  email: 'applicant-email',
  addressDetail: 'applicant-addressDetail',
  procedure: 'procedure-search',
  competentAgency: 'competent-agency',
  desk: 'desk',
};
