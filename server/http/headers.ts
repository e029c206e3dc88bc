// Security headers on every HTTP answer (helmet), with a Content-Security-Policy the built
// Svelte app runs under: only its own scripts (Vite emits no inline script; the listener
// page's embedded snapshot is <script type="application/json">, which is never run), its
// own sockets, images as data: URLs (the QR code). Styles may be inline: Svelte writes
// style attributes. No page may be framed, except the studio screen and its lower-third
// overlay (/studio/CODE?mode=lower-third), which streaming software embeds.
import helmet from 'helmet';
import type { RequestHandler } from 'express';

/** The studio screen and overlay: /studio/CODE. */
const FRAMABLE = /^\/studio\//;
/** Vite's hashed build output: /assets/<name>-<hash>.js|css. */
const ASSET = /^\/assets\/[\w.-]+\.(js|css)$/;

export function securityHeaders(publicUrl: URL | null): RequestHandler {
  const https = publicUrl?.protocol === 'https:';
  const directives = (framable: boolean) => ({
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    // 'self' covers ws:// and wss:// of the same host in current browsers; older WebViews
    // need the socket's origin spelled out, known when PUBLIC_URL is set.
    connectSrc: ["'self'", ...(publicUrl ? [`${https ? 'wss' : 'ws'}://${publicUrl.host}`] : [])],
    fontSrc: ["'self'", 'data:'],
    formAction: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    objectSrc: ["'none'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    ...(framable ? {} : { frameAncestors: ["'none'"] }),
    // Only for a station served over https: on plain http (a studio LAN) it would send the
    // browser to an https that is not there.
    ...(https ? { upgradeInsecureRequests: [] } : {}),
  });
  const common = {
    referrerPolicy: { policy: 'same-origin' as const },
    strictTransportSecurity: https ? { maxAge: 180 * 86_400 } : false,
  };
  const strict = helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives: directives(false) }, xFrameOptions: { action: 'deny' } });
  const framable = helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives: directives(true) }, xFrameOptions: false });
  // The built scripts and styles are not documents: a policy, framing or referrer rule on them
  // does nothing, and on a 400 ms link their ~600 bytes ride along with every one of a
  // listener's nine files. nosniff and the resource policy still apply to a script.
  const asset = helmet({
    strictTransportSecurity: common.strictTransportSecurity, contentSecurityPolicy: false, xFrameOptions: false,
    crossOriginOpenerPolicy: false, originAgentCluster: false, referrerPolicy: false, xDnsPrefetchControl: false,
    xDownloadOptions: false, xPermittedCrossDomainPolicies: false, xXssProtection: false,
  });
  return (req, res, next) => (ASSET.test(req.path) ? asset : FRAMABLE.test(req.path) ? framable : strict)(req, res, next);
}
