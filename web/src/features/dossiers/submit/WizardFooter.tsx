import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../ui/api';
import { pickLocalized } from '../../../ui/localized';

export interface WizardFooterProps {
  step: 'form' | 'documents' | 'review';
  canGoBack: boolean;
  onBack: () => void;
  onSaveDraft: () => void;
  busy: 'next' | 'save' | 'submit' | null;
  failure: ApiError | null;
  savedAt: Date | null;
}

/** What went wrong (if anything), when the draft was saved, and the buttons to move on or back. */
export function WizardFooter({
  step,
  canGoBack,
  onBack,
  onSaveDraft,
  busy,
  failure,
  savedAt,
}: WizardFooterProps) {
  const { t, i18n } = useTranslation('dossiers');
  const clock = i18n.language === 'en' ? 'en-GB' : 'vi-VN';
  return (
    <>
      {failure && !failure.code?.endsWith('FORM_INVALID') && (
        <Alert color="red" variant="light" role="alert" title={t('wizard.failed')}>
          {failure.detail ? pickLocalized(failure.detail, i18n.language) : t('wizard.network')}
        </Alert>
      )}
      {savedAt && step === 'form' && (
        <Text size="sm" c="teal.9" role="status">
          {t('wizard.savedAt', {
            time: savedAt.toLocaleTimeString(clock, { hour: '2-digit', minute: '2-digit' }),
          })}
        </Text>
      )}
      <Group justify="space-between" gap="sm" className="cqs-wizard-buttons">
        {canGoBack ? (
          <Button variant="default" onClick={onBack} disabled={busy === 'submit'}>
            {t('wizard.back')}
          </Button>
        ) : step === 'form' ? (
          <Button variant="subtle" onClick={onSaveDraft} loading={busy === 'save'}>
            {t('wizard.saveDraft')}
          </Button>
        ) : (
          <span />
        )}
        <Button type="submit" loading={busy === 'next' || busy === 'submit'} data-testid="wizard-next">
          {step === 'review' ? t('wizard.submit') : t('wizard.next')}
        </Button>
      </Group>
    </>
  );
}
