import '@mantine/core/styles/Timeline.css';
import { Card, Text, Timeline, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fileSize, vnDateTime } from '../format';
import type { TimelineEvent } from '../model';

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

/** What an event adds to its title: the code and appointment, the papers asked for, a reason, a file. */
function details(e: TimelineEvent, t: TFunction<'dossiers'>, lang: string): ReactNode[] {
  const d = e.data;
  const out: ReactNode[] = [];
  const code = str(d.code);
  if (e.type === 'receive' && code) out.push(t('timeline.code', { code }));
  if (e.type === 'receive' && str(d.appointmentAt))
    out.push(t('timeline.appointment', { at: vnDateTime(str(d.appointmentAt), lang) }));
  if (e.type === 'request_supplement' && Array.isArray(d.items)) {
    out.push(
      <ul className="cqs-event-list" key="items">
        {d.items.map((item) => (
          <li key={String(item)}>{String(item)}</li>
        ))}
      </ul>,
    );
  }
  if (e.type === 'supply' && str(d.dueAt))
    out.push(t('timeline.newDue', { at: vnDateTime(str(d.dueAt), lang) }));
  if (e.type === 'extend' && str(d.newDueAt))
    out.push(t('timeline.newDue', { at: vnDateTime(str(d.newDueAt), lang) }));
  const reason = str(d.reason);
  if (reason) out.push(t('timeline.reason', { reason }));
  if (['attach', 'detach', 'attach_result', 'reuse'].includes(e.type)) {
    const label = str(d.label);
    const file = str(d.fileName);
    const size = typeof d.sizeBytes === 'number' ? ` (${fileSize(d.sizeBytes, lang)})` : '';
    if (label) out.push(label);
    if (file) out.push(`${file}${size}`);
    if (str(d.fromDossier)) out.push(t('timeline.fromDossier', { code: str(d.fromDossier) }));
  }
  if (e.type === 'return_result' && str(d.method))
    out.push(t(`timeline.method.${str(d.method)}` as 'timeline.method.counter'));
  if (e.type === 'rate' && typeof d.score === 'number') out.push(t('timeline.score', { score: d.score }));
  if (e.type === 'approve' || (e.type === 'refuse' && d.result === 'refused'))
    out.push(t(`timeline.result.${e.type}`));
  return out;
}

/** Who did what, when: every step of the dossier, oldest first, the person's own steps as "Bạn". */
export function DossierTimeline({ events, meId }: { events: TimelineEvent[]; meId: string }) {
  const { t, i18n } = useTranslation('dossiers');
  const lang = i18n.language;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="timeline-title">
      <Title order={2} fz="h3" id="timeline-title" mb="md">
        {t('timeline.title')}
      </Title>
      <Timeline active={events.length - 1} bulletSize={14} lineWidth={2} data-testid="timeline">
        {events.map((e) => {
          const who = e.actorId === meId ? t('timeline.you') : (e.actorName ?? t('timeline.system'));
          return (
            <Timeline.Item
              key={e.seq}
              title={t(`timeline.type.${e.type}` as 'timeline.type.create', { defaultValue: e.type })}
            >
              <Text size="sm" c="dimmed">
                {vnDateTime(e.at, lang)} · {who}
              </Text>
              {details(e, t, lang).map((line, i) =>
                typeof line === 'string' ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: lines of one event, fixed order
                  <Text size="sm" key={i}>
                    {line}
                  </Text>
                ) : (
                  line
                ),
              )}
              {e.note && (
                <Text size="sm" fs="italic">
                  “{e.note}”
                </Text>
              )}
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Card>
  );
}
