import '@mantine/core/styles/Timeline.css';
import '@mantine/core/styles/List.css';
import { Anchor, Card, List, Text, Timeline, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { pickLocalized } from '../../../ui/localized';
import type { Agency, TimelineEvent } from '../api';
import { formatDateTime } from '../format';
import { isFormNumber } from './FormsLinks';

export interface TimelineProps {
  dossierId: string;
  events: TimelineEvent[];
  agencies: Agency[];
  people: Map<string, string>;
}

/** Every step: who (by name), when, what, the note, and what the step carried (items, dates, forms). */
export function TimelineSection({ dossierId, events, agencies, people }: TimelineProps) {
  const { t, i18n } = useTranslation('workspace');
  const lang = i18n.language;
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="timeline-title">
      <Title order={2} fz="h3" id="timeline-title" mb="md">
        {t('timeline.title')}
      </Title>
      <Timeline active={events.length - 1} bulletSize={16} lineWidth={2} data-testid="timeline">
        {[...events].map((e) => (
          <Timeline.Item
            key={e.seq}
            title={<Text fw={600}>{t(`event.${e.type}`, { defaultValue: e.type })}</Text>}
          >
            <Text size="sm" c="dimmed">
              {formatDateTime(e.at, lang)} · {e.actorName ?? t('timeline.system')}
            </Text>
            <Details event={e} dossierId={dossierId} agencies={agencies} people={people} />
            {e.note && (
              <Text size="sm" mt={4}>
                {t('timeline.note')}: {e.note}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);

function Details({
  event,
  dossierId,
  agencies,
  people,
}: {
  event: TimelineEvent;
  dossierId: string;
  agencies: Agency[];
  people: Map<string, string>;
}) {
  const { t, i18n } = useTranslation('workspace');
  const lang = i18n.language;
  const d = event.data;
  const when = (v: unknown) => formatDateTime(str(v), lang);
  const agency = (target: unknown) => {
    const id = str((target as { id?: unknown } | null)?.id);
    const a = agencies.find((x) => x.id === id);
    return a ? pickLocalized(a.name, lang) : t('timeline.unknownAgency');
  };
  const lines: ReactNode[] = [];
  const line = (key: string, text: string) =>
    lines.push(
      <Text size="sm" key={key}>
        {text}
      </Text>,
    );

  switch (event.type) {
    case 'receive':
      if (d.appointmentAt) line('due', t('timeline.appointment', { time: when(d.appointmentAt) }));
      break;
    case 'request_supplement':
      if (Array.isArray(d.items))
        lines.push(
          <div key="items">
            <Text size="sm">{t('timeline.items')}:</Text>
            <List size="sm" withPadding>
              {d.items.map((item, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: items may repeat; their order is their identity
                <List.Item key={i}>{String(item)}</List.Item>
              ))}
            </List>
          </div>,
        );
      if (str(d.reason)) line('reason', `${t('timeline.reason')}: ${d.reason}`);
      break;
    case 'supply':
      if (d.phase === 'processing' && d.dueAt) line('due', t('timeline.restarted', { time: when(d.dueAt) }));
      break;
    case 'assign':
      line(
        'handler',
        t('timeline.assignedTo', { name: people.get(str(d.handlerId) ?? '') ?? t('timeline.someone') }),
      );
      break;
    case 'transfer':
      line('to', t('timeline.transferredTo', { agency: agency(d.to) }));
      if (d.stepDueAt) line('due', t('timeline.stepDue', { time: when(d.stepDueAt) }));
      break;
    case 'consult':
      line('with', t('timeline.consulted', { agency: agency(d.with) }));
      if (str(d.question)) line('q', `${t('timeline.question')}: ${d.question}`);
      if (d.replyDueAt) line('due', t('timeline.replyDue', { time: when(d.replyDueAt) }));
      break;
    case 'extend':
      line('due', t('timeline.extended', { from: when(d.previousDueAt), to: when(d.newDueAt) }));
      if (str(d.reason)) line('reason', `${t('timeline.reason')}: ${d.reason}`);
      break;
    case 'refuse_intake':
    case 'refuse':
    case 'suspend':
    case 'withdraw':
      if (str(d.reason)) line('reason', `${t('timeline.reason')}: ${d.reason}`);
      break;
    case 'return_result':
      if (str(d.method))
        line(
          'method',
          t('timeline.method', { method: t(`returnMethod.${d.method}`, { defaultValue: String(d.method) }) }),
        );
      break;
    case 'attach':
    case 'attach_result':
    case 'detach':
    case 'reuse':
      line('file', [str(d.label), str(d.fileName)].filter(Boolean).join(' — '));
      break;
    case 'digitize':
      line('files', t('timeline.digitized', { count: Number(d.files) || 0 }));
      break;
    case 'rate':
      line('score', t('timeline.rating', { score: Number(d.score) || 0 }));
      break;
  }
  const form = d.form;
  if (isFormNumber(form))
    lines.push(
      <Anchor
        key="form"
        size="sm"
        href={`/api/dossiers/${encodeURIComponent(dossierId)}/forms/${form}`}
        target="_blank"
        rel="noopener"
      >
        {t(`forms.f${form}`)} ({t('forms.pdf')})
      </Anchor>,
    );
  return lines.length ? <div>{lines}</div> : null;
}
