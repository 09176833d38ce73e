import { Alert, Anchor, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../app/auth';
import { Link, type PageProps, useSearchParams } from '../../app/router';
import { usePageTitle } from '../../app/title';
import { desksOf } from './api';
import { IntakeDone } from './intake/IntakeDone';
import { IntakeForm } from './intake/IntakeForm';
import { OfficialGate } from './OfficialGate';
import './i18n';

/**
 * `/can-bo/tiep-nhan`: counter or postal intake; then, at `?hoSo=<id>`, scanning and the receipt
 * (the address survives a reload, so an interrupted scan can be finished).
 */
export function CounterIntakePage(_props: PageProps) {
  const { t } = useTranslation('workspace');
  usePageTitle(t('intake.title'));
  return <OfficialGate>{(me) => <Intake me={me} />}</OfficialGate>;
}

function Intake({ me }: { me: Me }) {
  const { t } = useTranslation('workspace');
  const id = useSearchParams().get('hoSo');
  return (
    <Container size="lg" py="xl" className="ws-root">
      <Stack gap="lg">
        <Anchor
          component={Link}
          href="/can-bo"
          className="ws-tap ws-screen-only"
          style={{ alignSelf: 'flex-start' }}
        >
          ← {t('casework.back')}
        </Anchor>
        <div className="ws-screen-only">
          <Title order={1} fz={{ base: 26, sm: 32 }}>
            {t('intake.title')}
          </Title>
          <Text c="dimmed" mt={4}>
            {id ? t('intake.introDone') : t('intake.intro')}
          </Text>
        </div>
        {desksOf(me).length === 0 ? (
          <Alert color="blue" variant="light">
            {t('intake.notDesk')}
          </Alert>
        ) : id ? (
          <IntakeDone key={id} id={id} me={me} />
        ) : (
          <IntakeForm me={me} />
        )}
      </Stack>
    </Container>
  );
}
