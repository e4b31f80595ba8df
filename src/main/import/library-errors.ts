// What a reader library's exception means for the clerk. Raw library text ("Bug : uncompressed data size
// mismatch", "Cannot set properties of undefined (setting 'sheetNo')") never reaches a user: it is mapped to a
// cause they can act on, and the details go to the local error log (src/main/error-log.ts).

const CAUSES: [RegExp, string][] = [
  [/password|encrypt/i, '工作簿设置了打开密码。请在 Excel/WPS 中取消密码后另存，再导入'],
  [/zip|central directory|compress|inflate|signature|crc|deflate|end of data|invalid.*(header|distance|block)/i, '文件的压缩结构已损坏（常见于下载或拷贝不完整）。请重新获取该文件，或在 Excel/WPS 中打开后另存为 .xlsx 再导入'],
  [/xml|sax|tag|attribute|entity|doctype|unexpected.*(close|end)|non-whitespace/i, '工作簿内部的某个部分（XML）已损坏。请在 Excel/WPS 中打开后另存为 .xlsx 再导入'],
  [/unsupported|not supported|unknown (record|type|format)/i, '工作簿使用了本程序不支持的格式或功能。请在 Excel/WPS 中另存为普通的 .xlsx 工作簿再导入'],
];

/** A Chinese cause for a reader's exception; the generic one when nothing more specific is known. */
export function causeOf(error: unknown, kind: 'xlsx' | 'xls'): string {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  const found = CAUSES.find(([pattern]) => pattern.test(text));
  if (found) return found[1];
  return kind === 'xls'
    ? '文件已损坏或不是有效的 Excel 97-2003（.xls）工作簿。请在 Excel/WPS 中打开后另存为 .xlsx 再导入'
    : '文件已损坏或不是有效的 Excel（.xlsx）工作簿。请在 Excel/WPS 中打开后另存为 .xlsx 再导入';
}
