import { describe, expect, it } from 'vitest';
import { blankDraft, checkDraft, draftFromEpisode } from '../../web/src/routes/staff/episode-form.ts';
import type { EpisodeDraft } from '../../web/src/routes/staff/episode-form.ts';
import type { EpisodeView } from '../../server/contract/views.ts';

function filled(over: Partial<EpisodeDraft> = {}): EpisodeDraft {
  return {
    ...blankDraft(new Date('2026-10-01T00:00:00Z')),
    series: 'OBROLAN PAGI', title: 'Sampah pasar', date: '2026-10-03', time: '19:00', timeZone: 'Asia/Makassar',
    hosts: ['Nur Aini', '  '],
    speakers: [
      { fullName: 'Drs. Haryanto, M.Si.', shortName: 'Pak Haryanto', position: 'Kabid', agency: 'DLH' },
      { fullName: '', shortName: '', position: '', agency: '' },
    ],
    ...over,
  };
}

describe('checkDraft', () => {
  it('turns the form into the server’s body, in the chosen zone', () => {
    const { problems, input } = checkDraft(filled({ number: ' 12 ', recordingUrl: ' https://example.org/r ' }));
    expect(problems).toEqual({});
    expect(input).toMatchObject({
      series: 'OBROLAN PAGI', title: 'Sampah pasar', number: 12, startsAt: '2026-10-03T11:00:00.000Z', timeZone: 'Asia/Makassar',
      endsAt: null, recordingUrl: 'https://example.org/r', hosts: ['Nur Aini'], premoderation: true,
    });
    // A speaker row left entirely blank is dropped, not an error.
    expect(input!.speakers).toEqual([{ fullName: 'Drs. Haryanto, M.Si.', shortName: 'Pak Haryanto', position: 'Kabid', agency: 'DLH' }]);
  });

  it('names every field the page can see is wrong, and sends nothing', () => {
    const { problems, input } = checkDraft(filled({
      series: ' ', title: '', number: '1.5', recordingUrl: 'javascript:alert(1)',
      speakers: [{ fullName: 'Lestari', shortName: '', position: '', agency: '' }],
    }));
    expect(input).toBeNull();
    expect(problems).toEqual({ series: 'required', title: 'required', number: 'badNumber', recordingUrl: 'badUrl', 'speakers.0.shortName': 'required' });
  });

  it('refuses an impossible date or time', () => {
    expect(checkDraft(filled({ date: '2026-02-30' })).problems).toEqual({ date: 'badDate' });
    expect(checkDraft(filled({ time: '' })).problems).toEqual({ time: 'badTime' });
  });

  it('reads an end time before the start as the next day, and refuses the same time', () => {
    expect(checkDraft(filled({ openEnd: false, endTime: '21:30' })).input!.endsAt).toBe('2026-10-03T13:30:00.000Z');
    expect(checkDraft(filled({ time: '22:00', openEnd: false, endTime: '01:00' })).input!.endsAt).toBe('2026-10-03T17:00:00.000Z');
    expect(checkDraft(filled({ openEnd: false, endTime: '19:00' })).problems).toEqual({ endTime: 'endSame' });
  });

  it('leaves the rules only the server knows to the server (distinct on-air names)', () => {
    const twins = filled({ speakers: [
      { fullName: 'A', shortName: 'Pak Budi', position: '', agency: '' },
      { fullName: 'B', shortName: 'Pak Budi', position: '', agency: '' },
    ] });
    expect(checkDraft(twins).input).not.toBeNull();
  });
});

describe('draftFromEpisode', () => {
  it('round-trips an episode through the form, keeping speaker ids', () => {
    const e = {
      id: 'e1', code: 'ABC234', status: 'draft', startedAt: null, endedAt: null, listenerCount: 0,
      series: 'S', partners: 'P', number: 3, title: 'T', place: 'Studio', startsAt: '2026-10-03T10:00:00.000Z', timeZone: 'Asia/Jayapura',
      endsAt: '2026-10-03T12:00:00.000Z', recordingUrl: null, hosts: ['H'], premoderation: false,
      speakers: [{ id: 'sp1', fullName: 'F', shortName: 'Bu F', position: '', agency: '' }],
    } satisfies EpisodeView;
    const d = draftFromEpisode(e);
    expect(d).toMatchObject({ date: '2026-10-03', time: '19:00', openEnd: false, endTime: '21:00', number: '3', premoderation: false });
    const { input } = checkDraft(d);
    expect(input).toMatchObject({ startsAt: e.startsAt, endsAt: e.endsAt, timeZone: 'Asia/Jayapura', number: 3, speakers: [{ id: 'sp1' }] });
  });
});
