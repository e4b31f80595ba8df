// After an import that brought forms: which forms name no project of the project table (警告, pointing at the form)
// and which projects have no form (提示). A book without forms stays quiet: many books are imported without them.
import type { Book, Notice } from '../../../shared/book';
import { tableLabel } from '../../../shared/labels';
import { matchForms } from '../../../shared/performance';
import { findFamily } from '../../../shared/template/registry';

export function performanceMatchNotices(book: Book): Notice[] {
  const forms = book.performanceForms ?? [];
  if (forms.length === 0) return [];
  const family = findFamily(book.familyId);
  const matching = matchForms(book);
  const table = matching.table ? book.tables.find((t) => t.tableId === matching.table) : undefined;
  if (!table) {
    const named = matching.table ? family?.tables.find((t) => t.id === matching.table) : undefined;
    const which = named ? `${tableLabel(family, named.no)}「${named.title.replace('{year}年', '')}」` : '项目支出表';
    return [{ level: '提示', message: `导入了 ${forms.length} 张项目支出绩效目标表，但没有导入${which}，无法核对各表对应的项目。` }];
  }
  const tableName = tableLabel(family, table.no);
  const notices: Notice[] = [];
  const at = (index: number): Omit<Notice, 'level' | 'message'> => {
    const source = forms[index]?.source;
    return { ...(source?.file ? { file: source.file } : {}), ...(source?.sheet ? { sheet: source.sheet } : {}), ...(source?.cell ? { cell: source.cell } : {}) };
  };
  for (const index of matching.formsWithoutProject) {
    notices.push({ ...at(index), level: '警告', message: `绩效目标表的项目「${forms[index]?.projectName ?? ''}」在${tableName}中找不到同名项目，请核对项目名称。` });
  }
  for (const index of matching.duplicateForms) {
    notices.push({ ...at(index), level: '警告', message: `项目「${forms[index]?.projectName ?? ''}」已有一张绩效目标表，这是重复的一张。` });
  }
  for (const { project, formIndex } of matching.projects) {
    if (formIndex !== undefined) continue;
    const amount = project.amountWan !== undefined ? `（${project.amountWan} 万元）` : '';
    notices.push({ level: '提示', message: `${tableName}的项目「${project.name}」${amount}没有导入项目支出绩效目标表。` });
  }
  return notices;
}
