// JSON over HTTP for what is not live: sign-in, episode set-up, staff, exports.
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<ApiResult<T>> {
  try {
    const res = await fetch(path, {
      method: init.method ?? 'GET',
      headers: init.body !== undefined ? { 'content-type': 'application/json' } : undefined,
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      credentials: 'same-origin',
    });
    if (res.status === 204) return { ok: true, data: null as T };
    const json = await res.json().catch(() => null);
    if (res.ok) return { ok: true, data: json as T };
    return { ok: false, error: json?.error ?? { code: 'internal', message: `HTTP ${res.status}` } };
  } catch {
    return { ok: false, error: { code: 'offline', message: 'Tidak ada koneksi ke server.' } };
  }
}
