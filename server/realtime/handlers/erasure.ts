import type { ErasureService } from '../../app/erasure-service.ts';
import type { Handler } from '../handler.ts';

/** Always the listener behind the socket: a token is the only proof of whose data it is. */
export function erasureHandlers(erasure: ErasureService) {
  const erase: Handler<'listener:erase'> = (p, ctx) => erasure.eraseListener(ctx.listener.listenerId, p.dryRun === true);
  return { 'listener:erase': erase };
}
