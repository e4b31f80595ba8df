// What `budget-workbench web` tells the user, in Chinese: each failure names the path or port and what to do.
import { StoreError } from '../store/errors';

export const webMessages = {
  ready: (db: string, opening: boolean) =>
    `${opening ? '正在用浏览器打开上面的地址' : '请在浏览器中打开上面的地址'}（仅本机可访问）。数据文件：${db}。按 Ctrl+C 停止服务。`,
  stopped: '本地服务已停止，数据已保存。',
  noRenderer: (file: string) => `错误：找不到界面文件 ${file}。请先在项目目录运行 npm run build（或 npm install，它会构建）。`,
  badPort: (text: string) => `端口号「${text}」不正确，应为 0–65535 的整数（0 表示自动选择）。`,
  portInUse: (port: number) =>
    `错误：端口 ${port} 已被占用（可能已有一个工作台或其他程序在用）。请换一个端口（--port 其他端口号），或去掉 --port 让程序自动选择。`,
  portDenied: (port: number) => `错误：没有权限使用端口 ${port}。请换一个 1024 以上的端口，或去掉 --port 让程序自动选择。`,
  cannotListen: (reason: string) => `错误：无法启动本地服务：${reason}`,
  browserFailed: (reason: string) => `无法自动打开浏览器（${reason}），请在本机浏览器中手动打开上面的地址。`,
};

function codeOf(error: unknown): string | undefined {
  const own = (error as { code?: unknown }).code;
  const cause = (error as { cause?: { code?: unknown } }).cause?.code;
  // StoreError's own code is its category; the SQLite or file-system code sits on the cause.
  const code = error instanceof StoreError ? cause : (own ?? cause);
  return typeof code === 'string' ? code : undefined;
}

/** Why the data file at `path` could not be opened, and what to do about it. */
export function describeStoreFailure(path: string, error: unknown): string {
  const code = codeOf(error);
  switch (code) {
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
    case 'EBUSY':
      return `错误：数据文件 ${path} 正被其他程序占用（桌面版工作台、另一个 web 服务，或正在复制它的程序）。请关闭那个程序后再试，或用 --db 指定另一个数据文件。`;
    case 'SQLITE_READONLY':
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `错误：没有权限写入数据文件 ${path}（文件或文件夹只读）。请检查它和所在文件夹的权限，或用 --db 指定一个可写的位置。`;
    case 'SQLITE_FULL':
    case 'ENOSPC':
      return `错误：磁盘已满，无法写入数据文件 ${path}。请清理磁盘空间后再试，或用 --db 指定其他磁盘上的位置。`;
    case 'SQLITE_NOTADB':
    case 'SQLITE_CORRUPT':
      return `错误：${path} 不是本程序的数据文件，或已损坏。请用 --db 指定正确的数据文件（不是 Excel 工作簿），或从备份恢复。`;
    case 'SQLITE_CANTOPEN':
    case 'EISDIR':
    case 'ENOTDIR':
    case 'EEXIST':
      return `错误：无法在 ${path} 创建或打开数据文件（该路径是文件夹、上级路径中有同名文件，或没有权限）。请用 --db 指定一个可写的、以 .db 结尾的文件路径。`;
    default: {
      if (error instanceof StoreError) return `错误：${error.message}`;
      const reason = error instanceof Error ? error.message : String(error);
      return `错误：无法打开数据文件 ${path}：${reason}。请用 --db 指定另一个数据文件。`;
    }
  }
}
