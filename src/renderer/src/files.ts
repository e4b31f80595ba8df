// Getting workbooks in and out of the page: native dialogs in Electron, file inputs / downloads in a browser.
import type { WorkbookInput } from '../../shared/api/contract';

export async function toWorkbookInputs(files: readonly File[]): Promise<WorkbookInput[]> {
  return Promise.all(
    files.map(async (file) => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { name: file.name, dataBase64: btoa(binary) };
    }),
  );
}

/** Saves bytes the API returned as a download (browser mode). */
export function download(fileName: string, dataBase64: string): void {
  const binary = atob(dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const type = /\.docx$/i.test(fileName) ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const isWorkbookFile = (file: File): boolean => /\.(xlsx|xls)$/i.test(file.name);
