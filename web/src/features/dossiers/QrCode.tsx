import { useMemo } from 'react';
import { qrMatrix, qrPath } from './qr';

/** A QR code as crisp SVG (black on white, quiet zone included), described for screen readers. */
export function QrCode({ text, label, size = 168 }: { text: string; label: string; size?: number }) {
  const { path, size: units } = useMemo(() => qrPath(qrMatrix(text)), [text]);
  return (
    <svg
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${units} ${units}`}
      shapeRendering="crispEdges"
      data-testid="qr-code"
      data-text={text}
    >
      <rect width={units} height={units} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
