import { Alert, Anchor, List } from '@mantine/core';
import '@mantine/core/styles/List.css';
import { forwardRef } from 'react';

export interface SummaryItem {
  /** The id of the input to go to. */
  target: string;
  text: string;
}

/**
 * "Tờ khai còn 2 chỗ cần sửa": every problem once more at the top, each a link that takes the
 * person (and the screen reader) to the field. Focused when it appears.
 */
export const ErrorSummary = forwardRef<HTMLDivElement, { id?: string; title: string; items: SummaryItem[] }>(
  function ErrorSummary({ id, title, items }, ref) {
    if (!items.length) return null;
    return (
      <Alert
        ref={ref}
        id={id}
        tabIndex={-1}
        color="red"
        variant="light"
        role="alert"
        title={title}
        data-testid="error-summary"
      >
        <List size="sm" spacing={4}>
          {items.map((item) => (
            <List.Item key={item.target}>
              <Anchor
                href={`#${item.target}`}
                c="red.9"
                underline="always"
                onClick={(e) => {
                  e.preventDefault();
                  const el = document.getElementById(item.target);
                  el?.scrollIntoView({ block: 'center' });
                  el?.focus({ preventScroll: true });
                }}
              >
                {item.text}
              </Anchor>
            </List.Item>
          ))}
        </List>
      </Alert>
    );
  },
);
