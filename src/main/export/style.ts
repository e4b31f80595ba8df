// Look of exported workbooks: sizes in points and Excel column-width units.
export const EXPORT_STYLE = {
  titleSize: 16,
  bodySize: 11,
  titleHeight: 30,
  minWidth: 8,
  maxWidth: 48,
  /** Wider tables (in column-width units) print landscape. */
  portraitMaxWidth: 95,
} as const;

export const DEFAULT_FONTS = { body: '宋体', title: '宋体' } as const;

/** Display width in Excel column units: CJK and full-width characters take two. */
export { displayWidth as textWidth } from '../../shared/text';
