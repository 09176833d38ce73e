import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The section's title (the page's only h1), what it is for, and its main action on the right. */
export function SectionHeader({
  title,
  intro,
  action,
}: {
  title: string;
  intro: string;
  action?: ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
      <Stack gap={4} maw={720}>
        <Title order={1} fz={{ base: 24, sm: 30 }}>
          {title}
        </Title>
        <Text c="dimmed">{intro}</Text>
      </Stack>
      {action}
    </Group>
  );
}
