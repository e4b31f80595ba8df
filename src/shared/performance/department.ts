// 主管部门及代码: "038-大同市人民政府金融工作办公室[部门]" ⇄ { code, name }.
import type { DepartmentRef } from './types';

/** Splits at the first dash after a leading code; text without a code keeps the whole text as name. */
export function parseDepartmentRef(text: string): DepartmentRef {
  const trimmed = text.replace(/\s+/g, '');
  const match = /^([0-9A-Za-z０-９Ａ-Ｚａ-ｚ]+)[-－—–](.+)$/.exec(trimmed);
  if (!match) return { code: '', name: trimmed };
  // Only the code is folded to half-width: the name is shown to users as printed.
  return { code: (match[1] ?? '').normalize('NFKC'), name: match[2] ?? '' };
}

export function formatDepartmentRef(ref: DepartmentRef): string {
  return ref.code ? `${ref.code}-${ref.name}` : ref.name;
}
