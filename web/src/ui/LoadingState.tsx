import { Group, Loader, Text } from '@mantine/core';

export function LoadingState({ label }: { label: string }) {
  return (
    <Group role="status" aria-live="polite" gap="sm" justify="center" py="xl">
      <Loader size="sm" aria-hidden="true" />
      <Text c="dimmed">{label}</Text>
    </Group>
  );
}
