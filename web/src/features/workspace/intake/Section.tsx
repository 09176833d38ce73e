import { Card, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** One numbered step of the intake form, as a card with its heading. */
export function Section({ n, title, children }: { n: number; title: string; children: ReactNode }) {
  const id = `intake-section-${n}`;
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={id}>
      <Title order={2} fz="h3" id={id} mb="md">
        {n}. {title}
      </Title>
      {children}
    </Card>
  );
}
