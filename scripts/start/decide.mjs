// Can `npm start` open the desktop app, or must it fall back to the browser? Pure logic over injected probes
// (scripts/start/probes.mjs has the real ones), so tests can play every case without Electron. Every network
// step starts with a short reachability probe, so an offline machine decides within seconds; the slow steps
// (download, compile) run only when their source answered, each with its own limit.

export const TIMEOUTS = {
  /** One HEAD request to the download host. */
  probeMs: 3000,
  /** Unpacking Electron from the local download cache. */
  extractMs: 2 * 60 * 1000,
  /** Downloading Electron (about 100 MB) once the host answered. */
  downloadMs: 5 * 60 * 1000,
  /** Building better-sqlite3 for Electron (a prebuilt download or a compile). */
  nativeMs: 5 * 60 * 1000,
};

/** Why the desktop app cannot run: one Chinese clause, followed by 「，改为在浏览器中打开工作台：<地址>」. */
export const REASONS = {
  unsupported: (platform, arch) => `这台电脑的系统（${platform}/${arch}）没有可用的 Electron 桌面程序`,
  noElectron: '未找到 Electron 桌面程序，且无法联网下载（离线？）',
  electronFetchFailed: (log) => `Electron 桌面程序下载或解压失败（详见 ${log}）`,
  noHeaders: '桌面程序需要的 Electron 头文件不在本机，且无法联网下载（离线？）',
  nativeFailed: (log) => `为 Electron 编译数据库组件 better-sqlite3 失败（缺少 C++ 编译工具？详见 ${log}）`,
  noDisplay: '没有图形桌面环境（未设置 DISPLAY 或 WAYLAND_DISPLAY），无法打开桌面窗口',
  desktopFailed: (log) => `Electron 桌面程序启动失败（详见 ${log}）`,
};

export function fallbackLine(reason, url) {
  return `${reason}，改为在浏览器中打开工作台：${url}`;
}

const browser = (reason) => ({ mode: 'browser', reason });

/**
 * Resolves with { mode: 'desktop', electron } or { mode: 'browser', reason }. `notify` receives a Chinese line
 * before each slow step, so a long first start never looks stuck.
 */
export async function decideLaunch(probes, notify = () => {}) {
  if (!probes.platformSupported) return browser(REASONS.unsupported(probes.platform, probes.arch));

  let electron = probes.findElectron();
  if (!electron) {
    const cached = await probes.electronZipCached();
    if (!cached && !(await probes.reachable(probes.electronZipUrl, TIMEOUTS.probeMs))) return browser(REASONS.noElectron);
    notify(cached ? '正在从本机下载缓存解压 Electron 桌面程序…' : '正在下载 Electron 桌面程序（约 100 MB，只需一次）…');
    const fetched = await probes.fetchElectron(cached ? TIMEOUTS.extractMs : TIMEOUTS.downloadMs);
    electron = fetched ? probes.findElectron() : undefined;
    if (!electron) return browser(REASONS.electronFetchFailed(probes.logs.electron));
  }

  if (!probes.nativeReady()) {
    // With the headers at hand the compile needs no network; otherwise the header host must answer.
    const headers = probes.headersCached();
    const online = !headers && (await probes.reachable(probes.headersUrl, TIMEOUTS.probeMs));
    if (!headers && !online) return browser(REASONS.noHeaders);
    notify('正在为 Electron 准备数据库组件 better-sqlite3（只需一次，约一两分钟）…');
    if (!(await probes.buildNative({ fromSource: !online, timeoutMs: TIMEOUTS.nativeMs }))) return browser(REASONS.nativeFailed(probes.logs.native));
  }

  if (!probes.hasDisplay) return browser(REASONS.noDisplay);
  return { mode: 'desktop', electron };
}
