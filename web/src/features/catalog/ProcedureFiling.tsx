import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router';
import { useSite } from '../../app/site';
import { pickLocalized } from '../../ui/localized';
import type { Procedure } from './api';
import './i18n';

/**
 * How to file: online when the service is full-online and offered here (Decree 224/2026 makes
 * that the default); otherwise why not (a partial service must publish its reason) and where to go.
 */
export function ProcedureFiling({ procedure: p }: { procedure: Procedure }) {
  const { t } = useTranslation('catalog');
  const online = p.enabled && p.onlineType === 'full';
  return (
    <Card withBorder padding="lg" radius="md" className="cqs-filing" data-online={online || undefined}>
      <Stack gap="sm">
        <Title order={2} fz="h3">
          {t('procedure.file.title')}
        </Title>
        {online ? (
          <>
            <Text>{t('procedure.file.online')}</Text>
            {p.hasForm && <Text size="sm">{t('procedure.file.eform')}</Text>}
            <Button component={Link} href={`/nop-ho-so/${encodeURIComponent(p.code)}`} size="md" fullWidth>
              {t('procedure.file.submit')}
            </Button>
            <Text size="sm" c="dimmed">
              {t('procedure.file.signIn')}
            </Text>
          </>
        ) : (
          <InPerson procedure={p} />
        )}
        <Button component={Link} href="/tra-cuu" variant="subtle" fullWidth>
          {t('procedure.file.track')}
        </Button>
      </Stack>
    </Card>
  );
}

function InPerson({ procedure: p }: { procedure: Procedure }) {
  const { t, i18n } = useTranslation('catalog');
  const site = useSite();
  const contact = site.status === 'success' ? site.data.contact : null;
  return (
    <>
      <Text fw={600}>{p.enabled ? t('procedure.file.partial') : t('procedure.file.notOffered')}</Text>
      {p.enabled && p.partialReason && (
        <Text size="sm">{t('procedure.file.reason', { reason: p.partialReason })}</Text>
      )}
      <Text size="sm">{t('procedure.file.inPerson')}</Text>
      <Text size="sm" fw={500} className="cqs-prose">
        {p.receivingPlaces ?? t('procedure.file.defaultPlace')}
      </Text>
      {contact?.agencyName && (
        <Text size="sm" c="dimmed">
          {pickLocalized(contact.agencyName, i18n.language)}
          {contact.address ? ` — ${contact.address}` : ''}
          {contact.phone ? ` — ${t('procedure.file.phone', { phone: contact.phone })}` : ''}
        </Text>
      )}
    </>
  );
}
