import { Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dmy, type PlanDetail, TASK_STATUSES, type TaskStatus, type TaskView } from './api';
import { TaskDetail } from './TaskDetail';

export const STATUS_COLOR: Record<TaskStatus, string> = {
  not_started: 'gray',
  in_progress: 'blue',
  done: 'green',
  cancelled: 'dark',
};

/** The plan's tasks, filterable by group, status and lead agency; each opens its reports. */
export function TaskTable({ plan, onChanged }: { plan: PlanDetail; onChanged: () => void }) {
  const { t } = useTranslation('plan');
  const [group, setGroup] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [lead, setLead] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const leads = useMemo(
    () =>
      [...new Set(plan.tasks.map((x) => x.leadName ?? '').filter(Boolean))].sort((a, b) =>
        a.localeCompare(b, 'vi'),
      ),
    [plan.tasks],
  );
  const shown = plan.tasks.filter(
    (x) =>
      (!group || x.groupCode === group) && (!status || x.status === status) && (!lead || x.leadName === lead),
  );
  const open = plan.tasks.find((x) => x.id === openId) ?? null;
  const deadline = (x: TaskView) => x.deadlineText ?? dmy(x.deadline);
  const all = t('tasks.all');
  return (
    <Stack gap="sm" component="section" aria-labelledby="pl-tasks">
      <Title order={2} fz="xl" id="pl-tasks">
        {t('tasks.heading')}
      </Title>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('tasks.group')}
          placeholder={all}
          data={plan.groups.map((g) => ({ value: g.code, label: `${g.code}. ${g.name}` }))}
          value={group}
          onChange={setGroup}
          clearable
          w={{ base: '100%', sm: 300 }}
        />
        <Select
          label={t('tasks.status')}
          placeholder={all}
          data={TASK_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={status}
          onChange={setStatus}
          clearable
          w={{ base: '100%', sm: 200 }}
        />
        <Select
          label={t('tasks.lead')}
          placeholder={all}
          data={leads}
          value={lead}
          onChange={setLead}
          clearable
          searchable
          w={{ base: '100%', sm: 300 }}
        />
      </Group>
      <Text size="sm" c="dimmed" aria-live="polite" data-testid="task-count">
        {t('tasks.shown', { shown: shown.length, total: plan.tasks.length })}
      </Text>
      {shown.length === 0 ? (
        <Text>{t('tasks.empty')}</Text>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
        <section className="pl-scroll" tabIndex={0} aria-labelledby="pl-tasks">
          <Table miw={520} verticalSpacing="xs" horizontalSpacing="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tasks.code')}</Table.Th>
                <Table.Th>{t('tasks.task')}</Table.Th>
                <Table.Th>{t('tasks.status')}</Table.Th>
                <Table.Th className="pl-num">{t('tasks.progress')}</Table.Th>
                <Table.Th>
                  <span className="pl-visually-hidden">{t('tasks.open')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((x) => (
                <Table.Tr key={x.id} data-task={x.code}>
                  <Table.Td>{x.code}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{x.title}</Text>
                    <Text size="xs" c="dimmed">
                      {x.leadName ?? '—'}
                      {deadline(x) ? ` · ${t('tasks.deadline', { value: deadline(x) })}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2} align="flex-start">
                      <Badge color={STATUS_COLOR[x.status]} variant="light">
                        {t(`status.${x.status}`)}
                      </Badge>
                      {x.overdue && (
                        <Badge color="red.9" variant="outline">
                          {t('tasks.overdue')}
                        </Badge>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td className="pl-num">{x.progress}%</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => setOpenId(x.id)}
                      aria-label={t('tasks.openLabel', { code: x.code })}
                    >
                      {t('tasks.open')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
      )}
      {open && (
        <TaskDetail planId={plan.id} task={open} onClose={() => setOpenId(null)} onChanged={onChanged} />
      )}
    </Stack>
  );
}
