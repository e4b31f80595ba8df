// Runs first in `npm test`: the system tools the tests use, beyond Node.
//   LibreOffice Calc and Writer print exported workbooks and documents to PDF, poppler reads the pages back, openpyxl is the independent
//   .xlsx reader, a CJK font renders the Chinese, Debian's Chromium runs the UI tests (playwright-core drives it;
//   no browser is ever downloaded), strace watches that nothing connects beyond loopback.
// When one is missing it installs them where it can (root with apt-get, or password-less sudo); otherwise it stops
// at once and prints the exact command to run. Nothing is skipped silently.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PACKAGES = ['libreoffice-calc-nogui', 'libreoffice-writer-nogui', 'poppler-utils', 'python3-openpyxl', 'fonts-wqy-zenhei', 'chromium', 'strace'];

const ok = (command, args = []) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
const onPath = (command) => ok('sh', ['-c', `command -v ${command}`]);

const CHECKS = [
  { what: 'LibreOffice Calc（soffice）', present: () => onPath('soffice') },
  { what: 'LibreOffice Writer（打开导出的 .docx）', present: () => existsSync('/usr/lib/libreoffice/program/libswlo.so') },
  { what: 'poppler（pdftotext、pdftoppm）', present: () => onPath('pdftotext') && onPath('pdftoppm') },
  { what: 'python3 openpyxl', present: () => ok('/usr/bin/python3', ['-c', 'import openpyxl']) },
  { what: '中文字体（fc-list :lang=zh）', present: () => onPath('fc-list') && execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim() !== '' },
  { what: 'Chromium（/usr/bin/chromium）', present: () => existsSync(process.env.CHROMIUM ?? '/usr/bin/chromium') },
  { what: 'strace（检查程序不连接网络；需要允许 ptrace）', present: () => onPath('strace') && ok('strace', ['-f', '-o', '/dev/null', 'true']) },
];

const missing = () => CHECKS.filter((check) => !safely(check.present));

function safely(test) {
  try {
    return test();
  } catch {
    return false;
  }
}

function install() {
  const root = process.getuid?.() === 0;
  const sudo = !root && onPath('sudo') && ok('sudo', ['-n', 'true']);
  if (!onPath('apt-get') || (!root && !sudo)) return false;
  const run = (args) => {
    const [command, ...rest] = sudo ? ['sudo', '-n', ...args] : args;
    return spawnSync(command, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  };
  console.log(`[test-tools] 正在安装测试所需的系统工具：${PACKAGES.join(' ')}`);
  return run(['apt-get', 'update', '-qq']) && run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...PACKAGES]);
}

if (process.platform !== 'linux') {
  console.error('[test-tools] 测试需要 Debian/Ubuntu 系统工具（导出打印、浏览器界面测试），请在 Linux 上运行 npm test。');
  process.exit(1);
}
let absent = missing();
if (absent.length > 0) {
  install();
  absent = missing();
}
if (absent.length > 0) {
  console.error(`[test-tools] 缺少测试所需的系统工具：${absent.map((c) => c.what).join('、')}。`);
  console.error(`[test-tools] 请先运行：sudo apt-get install -y --no-install-recommends ${PACKAGES.join(' ')}`);
  process.exit(1);
}
