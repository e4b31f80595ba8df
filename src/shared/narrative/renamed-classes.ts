// Function classes renamed by the 政府收支分类科目 reform of 2019: a document for a later year that still prints the
// old name uses an obsolete name (上海 2024 documents still say 医疗卫生与计划生育支出). Data, dated.
export interface RenamedClass {
  code: string;
  old: string;
  current: string;
  /** First budget year of the new name. */
  since: number;
}

export const RENAMED_CLASSES: readonly RenamedClass[] = [
  { code: '207', old: '文化体育与传媒支出', current: '文化旅游体育与传媒支出', since: 2019 },
  { code: '210', old: '医疗卫生与计划生育支出', current: '卫生健康支出', since: 2019 },
  { code: '220', old: '国土海洋气象等支出', current: '自然资源海洋气象等支出', since: 2019 },
];
