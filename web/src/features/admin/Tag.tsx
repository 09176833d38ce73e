import { Badge, type MantineColor } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A small coloured label (kind, status). Mantine's light badge writes in a mid shade, under 4.5:1
 * on its tint: here the text is the colour's darkest shade mixed with black, and a long label wraps instead
 * of being cut.
 */
export function Tag({
  color = 'gray',
  wrap = false,
  children,
}: {
  color?: MantineColor;
  /** Long labels ("Tạm khóa đến 16:05 ngày …") may wrap; short ones stay on one line. */
  wrap?: boolean;
  children: ReactNode;
}) {
  return (
    <Badge
      variant="light"
      color={color}
      radius="sm"
      tt="none"
      size="md"
      className="cqs-admin-tag"
      data-wrap={wrap || undefined}
      style={{ color: `color-mix(in srgb, var(--mantine-color-${color}-9) 70%, black)` }}
    >
      {children}
    </Badge>
  );
}
