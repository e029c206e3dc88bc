// Which sender a gateway's replies go through, from the settings in force now: asked by the
// outbox before each try, so an address the admin corrects applies to replies already waiting.
// One sender per configured address, kept while the address stays the same.
import { smsGatewaySender, whatsAppSender } from './senders.ts';
import type { Sender } from './senders.ts';
import type { Gateway } from '../contract/intake.ts';
import type { Settings } from '../domain/intake/settings.ts';

const made = new Map<string, Sender | null>();

export function replySender(gateway: Gateway, settings: Settings, whatsappApiUrl?: string): Sender | null {
  // The modem's replies go back in the answer to its script (server/deploy/sms-modem.mjs).
  if (gateway === 'modem') return null;
  const key = gateway === 'android' ? `a|${settings.smsGatewayUrl ?? ''}` : `w|${settings.whatsappToken ?? ''}|${whatsappApiUrl ?? ''}`;
  if (made.has(key)) return made.get(key)!;
  let sender: Sender | null = null;
  try {
    if (gateway === 'android' && settings.smsGatewayUrl) sender = smsGatewaySender({ url: settings.smsGatewayUrl });
    if (gateway === 'whatsapp' && settings.whatsappToken) sender = whatsAppSender({ token: settings.whatsappToken, apiBase: whatsappApiUrl || undefined });
  } catch {
    sender = null; // An unusable address: the outbox records "Gateway balasan belum diatur".
  }
  if (made.size > 20) made.clear();
  made.set(key, sender);
  return sender;
}
