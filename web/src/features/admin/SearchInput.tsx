import { TextInput, type TextInputProps } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { SearchIcon } from '../../ui/icons';

export interface SearchInputProps extends Omit<TextInputProps, 'value' | 'onChange'> {
  /** The value in the address (what the list shows now). */
  value: string;
  /** Called a moment after the person stops typing. */
  onCommit: (value: string) => void;
}

/**
 * A search box that asks the server once the person pauses, not at every key; it follows the address
 * when that changes otherwise (Back, a link), without undoing what is being typed.
 */
export function SearchInput({ value, onCommit, ...props }: SearchInputProps) {
  const [text, setText] = useState(value);
  const committed = useRef(value);
  const commit = useDebouncedCallback((next: string) => {
    committed.current = next;
    onCommit(next);
  }, 350);
  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setText(value);
    }
  }, [value]);
  return (
    <TextInput
      type="search"
      leftSection={<SearchIcon size={18} />}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        commit(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit.flush();
      }}
      {...props}
    />
  );
}
