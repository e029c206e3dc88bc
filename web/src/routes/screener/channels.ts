import type { Channel } from '$contract/types.ts';

/** The channels a screener types in from: everything but the web page, which listeners use themselves. */
export const TYPED_CHANNELS: readonly Channel[] = ['phone', 'sms', 'whatsapp', 'email', 'studio'];
