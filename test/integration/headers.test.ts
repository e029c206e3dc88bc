// Issue 9 item 13: every page carries a Content-Security-Policy, nosniff and a framing
// rule; the studio overlay alone may be framed (streaming software embeds it).
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { api, startServer } from '../support/server.ts';
import { createLiveEpisode } from '../support/show.ts';
import { studioServer } from '../support/integration.ts';

function directives(csp: string | null): Map<string, string> {
  return new Map((csp ?? '').split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...values] = d.split(/\s+/);
    return [name!, values.join(' ')];
  }));
}

describe.skipIf(!existsSync('dist/web/index.html'))('security headers', () => {
  let ep: { id: string; code: string };
  const studio = studioServer();
  beforeAll(async () => {
    ep = await createLiveEpisode(studio.url, studio.hostCookie);
  });

  it('the built scripts and styles carry nosniff and the resource policy, not the documents\' headers', async () => {
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec((await api(studio.url, '/')).text)![1]!;
    const r = await api(studio.url, asset);
    expect(r.status).toBe(200);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    for (const h of ['content-security-policy', 'x-frame-options', 'referrer-policy', 'origin-agent-cluster', 'x-xss-protection']) expect(r.headers.get(h), h).toBeNull();
  });

  it('app pages and the API get a CSP that forbids framing', async () => {
    for (const path of ['/', `/j/${ep.code}`, '/staff', `/host/${ep.id}`, '/planner', '/api/health']) {
      const r = await api(studio.url, path, { cookie: studio.hostCookie });
      expect(r.status, path).toBe(200);
      const csp = directives(r.headers.get('content-security-policy'));
      expect(csp.get('default-src'), path).toBe("'self'");
      expect(csp.get('script-src'), path).toBe("'self'");
      expect(csp.get('script-src-attr'), path).toBe("'none'");
      expect(csp.get('object-src'), path).toBe("'none'");
      expect(csp.get('base-uri'), path).toBe("'self'");
      expect(csp.get('form-action'), path).toBe("'self'");
      expect(csp.get('frame-ancestors'), path).toBe("'none'");
      expect(csp.has('upgrade-insecure-requests'), path).toBe(false);
      expect(r.headers.get('x-frame-options'), path).toBe('DENY');
      expect(r.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(r.headers.get('referrer-policy'), path).toBe('same-origin');
      expect(r.headers.get('strict-transport-security'), path).toBeNull();
    }
  });

  it('the printable notula keeps its stricter policy (nothing but its inline style), framing forbidden', async () => {
    const r = await api(studio.url, `/api/episodes/${ep.id}/notula.html`, { cookie: studio.hostCookie });
    const csp = directives(r.headers.get('content-security-policy'));
    expect(csp.get('default-src')).toBe("'none'");
    expect(csp.has('script-src')).toBe(false);
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('the studio overlay may be framed by streaming software, with the rest of the policy', async () => {
    for (const path of [`/studio/${ep.code}`, `/studio/${ep.code}?overlay=1`]) {
      const r = await api(studio.url, path);
      expect(r.status).toBe(200);
      const csp = directives(r.headers.get('content-security-policy'));
      expect(csp.get('script-src')).toBe("'self'");
      expect(csp.has('frame-ancestors')).toBe(false);
      expect(r.headers.get('x-frame-options')).toBeNull();
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('over https (PUBLIC_URL) asks browsers to stay on https', async () => {
    const secure = await startServer({ sample: false, publicUrl: 'https://radio.example' });
    try {
      const r = await api(secure.url, '/');
      expect(directives(r.headers.get('content-security-policy')).has('upgrade-insecure-requests')).toBe(true);
      expect(r.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    } finally {
      await secure.stop();
    }
  });
});
