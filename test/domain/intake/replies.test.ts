import { describe, expect, it } from 'vitest';
import { reply, showName } from '../../../server/domain/intake/replies.ts';
import type { Episode } from '../../../server/contract/types.ts';

const e = { series: 'OBROLAN PAGI – Warga Bertanya, Pemerintah Menjawab', number: 12 } as Episode;
// GSM 03.38 basic set and its extension: what fits 160 to an SMS.
const GSM7 = /^[@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&'()*+,\-./0-9:;<=>?¡A-ZÄÖÑÜ§¿a-zäöñüà^{}\\[~\]|€]*$/;

describe('replies to a texting listener', () => {
  it('names the show by its short series and number', () => {
    expect(showName(e)).toBe('OBROLAN PAGI #12');
    expect(showName({ series: 'Suara Desa', number: null })).toBe('Suara Desa');
    expect(showName({ series: 'Sebuah Nama Acara Yang Sangat Panjang Sekali Untuk Radio', number: 3 })).toBe('Sebuah Nama Acara Yang Sangat #3');
  });

  it('fit one GSM-7 SMS for a usual show, numbers up to four digits', () => {
    const next = { ...e, startsAt: '2026-12-10T12:00:00.000Z', timeZone: 'Asia/Jakarta' } as Episode;
    const all = [
      reply.question(e, 1234, true), reply.question(e, 1234, false), reply.poll(e, 2, 'Setuju'), reply.usulan(e, 1234, 'Sumberrejo'),
      reply.supportedQuestion(e, 1234, 999), reply.supportedUsulan(e, 1234, 999), reply.noSuchQuestion(e, 1234), reply.noSuchUsulan(e, 1234),
      reply.noPoll(e), reply.noOption(e, 5), reply.hint(e, 'USUL <desa>: <usulan>'), reply.empty(e), reply.notText(), reply.stopped(),
      reply.started(), reply.throttled(), reply.notLive(next, 'Asia/Jakarta'), reply.notLive(null, 'Asia/Jakarta'),
    ];
    for (const r of all) {
      expect(r.length, r).toBeLessThanOrEqual(160);
      expect(r, r).toMatch(GSM7);
    }
  });
});
