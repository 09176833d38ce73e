import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from '../../app/router';
import { trackHref } from './api';
import { vnDateTime } from './format';
import { type Dossier, formHref } from './model';
import { QrCode } from './QrCode';
import './i18n';

/**
 * What the desk gives once it receives a dossier (Form 01): the dossier code, the appointment
 * date, a QR code to the public tracking page, and the receipt itself as a PDF.
 */
export function ReceiptCard({ dossier }: { dossier: Dossier }) {
  const { t, i18n } = useTranslation('dossiers');
  if (!dossier.code) return null;
  const trackPath = trackHref(dossier.code);
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="receipt-title">
      <Stack gap="md">
        <Title order={2} fz="h3" id="receipt-title">
          {t('receipt.title')}
        </Title>
        <Group align="flex-start" justify="space-between" gap="lg" wrap="wrap">
          <dl className="cqs-facts">
            <div>
              <dt>{t('receipt.code')}</dt>
              <dd className="cqs-code" data-testid="receipt-code">
                {dossier.code}
              </dd>
            </div>
            <div>
              <dt>{t('receipt.receivedAt')}</dt>
              <dd>{vnDateTime(dossier.receivedAt, i18n.language)}</dd>
            </div>
            <div>
              <dt>{t('receipt.dueAt')}</dt>
              <dd data-testid="receipt-due">{vnDateTime(dossier.dueAt, i18n.language)}</dd>
            </div>
          </dl>
          <figure className="cqs-qr">
            <QrCode
              text={`${window.location.origin}${trackPath}`}
              label={t('receipt.qrLabel', { code: dossier.code })}
            />
            <Text component="figcaption" size="sm" c="dimmed" ta="center">
              {t('receipt.qrCaption')}
            </Text>
          </figure>
        </Group>
        <Group gap="sm">
          <Button component="a" href={formHref(dossier.id, '01')} target="_blank" rel="noopener">
            {t('receipt.download')}
          </Button>
          <Button component={Link} href={trackPath} variant="default">
            {t('receipt.track')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
