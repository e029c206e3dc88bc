// JSON over HTTP for what is not live: sign-in, episode set-up, staff, exports.
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/** `body` is sent as JSON; `text` as it is (e.g. a CSV file), with its own content type. */
export interface ApiInit {
  method?: string;
  body?: unknown;
  text?: string;
  contentType?: string;
}

export async function api<T>(path: string, init: ApiInit = {}): Promise<ApiResult<T>> {
  const raw = init.text !== undefined;
  const type = raw ? (init.contentType ?? 'text/plain') : init.body !== undefined ? 'application/json' : null;
  try {
    const res = await fetch(path, {
      method: init.method ?? 'GET',
      headers: type ? { 'content-type': type } : undefined,
      body: raw ? init.text : init.body !== undefined ? JSON.stringify(init.body) : undefined,
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
