/**
 * The cookie that carries a staff session token. Named once here: the HTTP routes set and
 * read it (http/context.ts, routes/session.ts) and the socket handshake reads it
 * (realtime/server.ts), so both doors know the same session.
 */
export const SESSION_COOKIE = 'kentongan_session';
