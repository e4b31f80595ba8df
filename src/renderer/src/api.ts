// The renderer's one transport onto the API: the Electron preload's invoke() when present, otherwise the local
// web host (`npm run web`) over fetch with the access token it printed in the URL fragment.
import type { ApiMethod, ApiParams, ApiResponse, Invoke } from '../../shared/api/contract';

const TOKEN_KEY = 'budget-workbench.token';
const OFFLINE_MESSAGE = '无法连接本地服务，请确认 npm run web 仍在运行。';

let cachedToken: string | undefined;

/** Reads #token=… once, keeps it for this tab in sessionStorage and removes it from the address bar. */
function webToken(): string {
  if (cachedToken !== undefined) return cachedToken;
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
  if (fromHash) {
    try {
      sessionStorage.setItem(TOKEN_KEY, fromHash);
    } catch {
      // Storage disabled: the token still lives in memory for this page.
    }
    history.replaceState(history.state, '', location.pathname + location.search);
    cachedToken = fromHash;
    return fromHash;
  }
  let stored: string | null = null;
  try {
    stored = sessionStorage.getItem(TOKEN_KEY);
  } catch {
    stored = null;
  }
  cachedToken = stored ?? '';
  return cachedToken;
}

function failure<M extends ApiMethod>(message: string): ApiResponse<M> {
  return { ok: false, error: { code: 'internal', message } };
}

async function invokeOverHttp<M extends ApiMethod>(method: M, params: ApiParams<M>): Promise<ApiResponse<M>> {
  let response: Response;
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Workbench-Token': webToken() },
      body: JSON.stringify(params),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    return failure(OFFLINE_MESSAGE);
  }
  // The host answers every request, refusals included, with an ApiResponse-shaped JSON body.
  try {
    const body = (await response.json()) as ApiResponse<M>;
    if (body && typeof body === 'object' && typeof body.ok === 'boolean') return body;
  } catch {
    // fall through
  }
  return failure(response.ok ? OFFLINE_MESSAGE : `本地服务返回了错误（HTTP ${response.status}）。`);
}

export const invoke: Invoke = (method, params) => {
  const bridge = typeof window !== 'undefined' ? window.workbench : undefined;
  if (bridge) return bridge.invoke(method, params);
  return invokeOverHttp(method, params);
};

// Take the token out of the address bar as soon as the UI loads, not at the first call.
if (typeof window !== 'undefined' && !window.workbench) webToken();
