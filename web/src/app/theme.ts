import { Button, createTheme, type MantineColorsTuple, TextInput } from '@mantine/core';

const fontFamily =
  "'Be Vietnam Pro', system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

// A deep administrative blue; shade 8 carries white text at well above WCAG AA contrast.
const brand: MantineColorsTuple = [
  '#e8f0fb',
  '#d0def3',
  '#a1bce6',
  '#6f98d9',
  '#467ace',
  '#2c67c8',
  '#1c5dc6',
  '#0d4caf',
  '#033f9d',
  '#00358b',
];

export const theme = createTheme({
  fontFamily,
  headings: { fontFamily, fontWeight: '700' },
  primaryColor: 'brand',
  primaryShade: 8,
  colors: { brand },
  defaultRadius: 'md',
  // People who ask their phone for less motion get dialogs and menus without animation.
  respectReducedMotion: true,
  cursorType: 'pointer',
  components: {
    // md, which app.css makes 44 px high: the smallest comfortable touch target.
    Button: Button.extend({ defaultProps: { size: 'md' } }),
    TextInput: TextInput.extend({ defaultProps: { size: 'md' } }),
  },
});
