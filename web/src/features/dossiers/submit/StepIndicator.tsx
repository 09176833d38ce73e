import { VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Where the person is in the filing: a numbered list, the current step marked for screen readers
 * (`aria-current="step"`). Not a row of buttons: moving on goes through the step's own checks.
 */
export function StepIndicator({ labels, active }: { labels: string[]; active: number }) {
  const { t } = useTranslation('dossiers');
  return (
    <nav aria-label={t('wizard.stepsLabel')}>
      <ol className="cqs-steps">
        {labels.map((label, i) => {
          const state = i < active ? 'done' : i === active ? 'current' : 'todo';
          return (
            <li key={label} data-state={state} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="cqs-step-number" aria-hidden="true">
                {state === 'done' ? '✓' : i + 1}
              </span>
              <span className="cqs-step-label">
                {label}
                {state === 'done' && <VisuallyHidden> ({t('wizard.stepDone')})</VisuallyHidden>}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
