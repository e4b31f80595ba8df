// Look of exported workbooks: sizes in points and Excel column-width units.
// The style and the page geometry are shared with the 打印预览 (src/shared/export/print-geometry.ts).
export { chooseOrientation, EXPORT_STYLE } from '../../shared/export/print-geometry';

export const DEFAULT_FONTS = { body: '宋体', title: '宋体' } as const;

/** Display width in Excel column units: CJK and full-width characters take two. */
export { displayWidth as textWidth } from '../../shared/text';
