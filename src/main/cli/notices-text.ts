import type { Notice } from '../../shared/book';

/** "[警告] 文件 › 工作表 › 单元格：消息" — one line a notice, for people reading a terminal. */
export function formatNotice(notice: Notice): string {
  const place = [notice.file, notice.sheet && `工作表「${notice.sheet}」`, notice.cell].filter(Boolean).join(' › ');
  return `[${notice.level}] ${place ? `${place}：` : ''}${notice.message}`;
}
