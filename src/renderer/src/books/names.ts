// How a book is named to the clerk: its title when it has one, otherwise department · year.
import { UI_TEXT } from '../../../shared/strings';

export const bookName = (book: { title?: string; department: string; year: number }): string => book.title ?? UI_TEXT.bookName(book.department, book.year);

/** 2024/11/28 22:39 — minutes are enough in a list. */
export const shownTime = (iso: string): string => new Date(iso).toLocaleString('zh-CN', { dateStyle: 'short', timeStyle: 'short' });
