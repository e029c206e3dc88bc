// The SMS/WhatsApp keyword parser: examples a station will meet, then properties over any text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanMessage, parseMessage } from '../../../server/domain/intake/keywords.ts';

describe('parseMessage: the keywords as listeners type them', () => {
  it.each<[string, unknown]>([
    ['TANYA Kapan jalan desa diperbaiki?', { kind: 'question', text: 'Kapan jalan desa diperbaiki?' }],
    ['tanya: kapan jalan desa diperbaiki?', { kind: 'question', text: 'kapan jalan desa diperbaiki?' }],
    ['  T A N Y A   kapan\n\nair bersih masuk?  ', { kind: 'question', text: 'kapan air bersih masuk?' }],
    ['Kapan jalan desa diperbaiki?', { kind: 'question', text: 'Kapan jalan desa diperbaiki?' }],
    ['Tanyakan ke pak camat soal pupuk', { kind: 'question', text: 'Tanyakan ke pak camat soal pupuk' }],
    ['PILIH 2', { kind: 'poll', option: 2 }],
    ['pilih2', { kind: 'poll', option: 2 }],
    ['Pilih #3.', { kind: 'poll', option: 3 }],
    ['PILIH dua', { kind: 'incomplete', keyword: 'PILIH', hint: 'PILIH <nomor pilihan>' }],
    ['PILIH 0', { kind: 'incomplete', keyword: 'PILIH', hint: 'PILIH <nomor pilihan>' }],
    ['USUL Sukamaju: lampu jalan di RT 3', { kind: 'usulan', desa: 'Sukamaju', text: 'lampu jalan di RT 3' }],
    ['usulan desa karang sari : sumur bor', { kind: 'usulan', desa: 'desa karang sari', text: 'sumur bor' }],
    ['USUL Sukamaju - lampu jalan', { kind: 'usulan', desa: 'Sukamaju', text: 'lampu jalan' }],
    ['USUL lampu jalan', { kind: 'incomplete', keyword: 'USUL', hint: 'USUL <desa>: <usulan>' }],
    ['DUKUNG 12', { kind: 'support', target: 'question', number: 12 }],
    ['dukung #7', { kind: 'support', target: 'question', number: 7 }],
    ['DUKUNG U3', { kind: 'support', target: 'usulan', number: 3 }],
    ['dukung u 14', { kind: 'support', target: 'usulan', number: 14 }],
    ['DUKUNG #U2.', { kind: 'support', target: 'usulan', number: 2 }],
    ['DUKUNG U', { kind: 'incomplete', keyword: 'DUKUNG', hint: 'DUKUNG <nomor>' }],
    ['MULAI', { kind: 'start' }],
    ['start', { kind: 'start' }],
    ['Mulai kapan jalan diperbaiki?', { kind: 'question', text: 'Mulai kapan jalan diperbaiki?' }],
    ['DUKUNG', { kind: 'incomplete', keyword: 'DUKUNG', hint: 'DUKUNG <nomor>' }],
    ['BERHENTI', { kind: 'stop' }],
    ['stop', { kind: 'stop' }],
    ['Stop banjir di desa kami', { kind: 'question', text: 'Stop banjir di desa kami' }],
    ['TANYA', { kind: 'incomplete', keyword: 'TANYA', hint: 'TANYA <pertanyaan>' }],
    ['   ', { kind: 'empty' }],
    ['\u200B\u202E', { kind: 'empty' }],
    ['🙏🙏 kapan bantuan datang?', { kind: 'question', text: '🙏🙏 kapan bantuan datang?' }],
    ['ＴＡＮＹＡ lebar penuh', { kind: 'question', text: 'lebar penuh' }],
  ])('%j', (raw, intent) => {
    expect(parseMessage(raw)).toEqual(intent);
  });
});

const keyword = fc.constantFrom('TANYA', 'PILIH', 'USUL', 'USULAN', 'DUKUNG', 'BERHENTI', 'STOP', 'UNREG');
/** A keyword as thumbs type it: any case per letter, optionally spaced out. */
const typed = keyword.chain((k) => fc.tuple(fc.array(fc.boolean(), { minLength: k.length, maxLength: k.length }), fc.boolean())
  .map(([upper, spaced]) => k.split('').map((ch, i) => (upper[i] ? ch : ch.toLowerCase())).join(spaced ? ' ' : '')));
const gap = fc.constantFrom(' ', '  ', ': ', ':', '. ', ' # ', '\n');

describe('parseMessage: properties', () => {
  it('never throws and always answers one of the intents, for any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 1_200 }), (s) => {
      const intent = parseMessage(s);
      expect(['question', 'poll', 'usulan', 'support', 'stop', 'incomplete', 'empty']).toContain(intent.kind);
      if (intent.kind === 'question') expect(intent.text).toBe(cleanMessage(intent.text));
    }));
  });

  it('PILIH and DUKUNG read the number whatever the case and spacing', () => {
    fc.assert(fc.property(fc.constantFrom('pilih', 'PILIH', 'Pilih', 'P I L I H', 'dukung', 'DUKUNG', 'D u k u n g'), gap, fc.integer({ min: 1, max: 9_999 }), (k, g, n) => {
      const intent = parseMessage(`${k}${g}${n}`);
      expect(intent).toEqual(k.replace(/\s/g, '').toUpperCase() === 'PILIH' ? { kind: 'poll', option: n } : { kind: 'support', target: 'question', number: n });
    }));
  });

  it('a message that does not start with a keyword is a question with its text kept', () => {
    const word = fc.stringMatching(/^[a-z]{1,12}$/).filter((w) => !/^(tanya|pilih|usul|usulan|dukung|berhenti|stop|unreg)$/i.test(w.replace(/\s/g, '')));
    fc.assert(fc.property(fc.array(word, { minLength: 1, maxLength: 30 }), (words) => {
      const text = words.join(' ');
      // Spelled-out keywords ("t a n y a") are the only way a plain start can read as one.
      fc.pre(!/^(t ?a ?n ?y ?a|p ?i ?l ?i ?h|u ?s ?u ?l|d ?u ?k ?u ?n ?g|b ?e ?r ?h ?e ?n ?t ?i|s ?t ?o ?p|u ?n ?r ?e ?g)(?![a-z])/i.test(text));
      expect(parseMessage(text)).toEqual({ kind: 'question', text });
    }));
  });

  it('TANYA <text> is the text, and the keyword in any case and spacing is never part of it', () => {
    fc.assert(fc.property(typed.filter((k) => /^t ?a ?n ?y ?a$/i.test(k)), gap, fc.stringMatching(/^[A-Za-z0-9?]{1,20}( [A-Za-z0-9?]{1,20}){0,5}$/), (k, g, body) => {
      expect(parseMessage(`${k}${g}${body}`)).toEqual({ kind: 'question', text: body });
    }));
  });

  it('a keyword alone is never a question: it is a stop or asks for what is missing', () => {
    fc.assert(fc.property(typed, (k) => {
      const kind = parseMessage(k).kind;
      expect(kind === 'stop' || kind === 'incomplete').toBe(true);
    }));
  });
});
