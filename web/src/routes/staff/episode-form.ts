// The episode form as plain data: what the inputs hold, what the page checks before
// sending, and the body the server expects. The server checks again and has the last
// word (e.g. speakers' on-air names must differ); the page catches what it can see.
import type { EpisodeInput } from '$contract/types.ts';
import type { EpisodeView } from '$contract/views.ts';
import { fieldsToInstant, instantToFields } from '$contract/zone.ts';

export interface SpeakerDraft {
  /** Kept when editing, so notes already attributed to the speaker stay theirs. */
  id?: string;
  fullName: string;
  shortName: string;
  position: string;
  agency: string;
}

export interface EpisodeDraft {
  series: string;
  partners: string;
  number: string;
  title: string;
  place: string;
  date: string;
  time: string;
  timeZone: string;
  openEnd: boolean;
  endTime: string;
  recordingUrl: string;
  hosts: string[];
  speakers: SpeakerDraft[];
  premoderation: boolean;
}

/** Message keys of the staff page's dictionary. */
export type Problem = 'required' | 'badNumber' | 'badDate' | 'badTime' | 'endSame' | 'badUrl';
export type Problems = Record<string, Problem>;

export function blankSpeaker(): SpeakerDraft {
  return { fullName: '', shortName: '', position: '', agency: '' };
}

export function blankDraft(now: Date, timeZone = 'Asia/Jakarta'): EpisodeDraft {
  return {
    series: '', partners: '', number: '', title: '', place: '',
    date: instantToFields(now.toISOString(), timeZone).date, time: '19:00', timeZone,
    openEnd: true, endTime: '21:00', recordingUrl: '', hosts: [''], speakers: [blankSpeaker()], premoderation: true,
  };
}

export function draftFromEpisode(e: EpisodeView): EpisodeDraft {
  const start = instantToFields(e.startsAt, e.timeZone);
  return {
    series: e.series, partners: e.partners, number: e.number === null ? '' : String(e.number), title: e.title, place: e.place,
    date: start.date, time: start.time, timeZone: e.timeZone,
    openEnd: e.endsAt === null, endTime: e.endsAt ? instantToFields(e.endsAt, e.timeZone).time : '21:00',
    recordingUrl: e.recordingUrl ?? '', hosts: e.hosts.length ? [...e.hosts] : [''],
    speakers: e.speakers.map((s) => ({ ...s })), premoderation: e.premoderation,
  };
}

function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

const blank = (s: string) => s.trim() === '';

/** Checks the draft; with no problems, also returns the body to send. */
export function checkDraft(d: EpisodeDraft): { problems: Problems; input: EpisodeInput | null } {
  const problems: Problems = {};
  if (blank(d.series)) problems.series = 'required';
  if (blank(d.title)) problems.title = 'required';
  let number: number | null = null;
  if (!blank(d.number)) {
    number = Number(d.number.trim());
    if (!Number.isInteger(number) || number < 0 || number > 100_000) problems.number = 'badNumber';
  }
  const startsAt = fieldsToInstant(d.date, d.time, d.timeZone);
  if (!/^\d{2}:\d{2}$/.test(d.time)) problems.time = 'badTime';
  else if (!startsAt) problems.date = 'badDate';
  let endsAt: string | null = null;
  if (!d.openEnd) {
    if (!/^\d{2}:\d{2}$/.test(d.endTime)) problems.endTime = 'badTime';
    else if (d.endTime === d.time) problems.endTime = 'endSame';
    // A show that ends "at 01.00" after starting at 22.00 ends the next day.
    else if (startsAt) endsAt = fieldsToInstant(d.endTime < d.time ? nextDay(d.date) : d.date, d.endTime, d.timeZone);
  }
  const recordingUrl = d.recordingUrl.trim();
  if (recordingUrl && !/^https?:\/\/[^\s<>"'`]+$/i.test(recordingUrl)) problems.recordingUrl = 'badUrl';
  const speakers = d.speakers.filter((s) => !(blank(s.fullName) && blank(s.shortName) && blank(s.position) && blank(s.agency)));
  d.speakers.forEach((s, i) => {
    if (!speakers.includes(s)) return;
    if (blank(s.fullName)) problems[`speakers.${i}.fullName`] = 'required';
    if (blank(s.shortName)) problems[`speakers.${i}.shortName`] = 'required';
  });
  if (Object.keys(problems).length > 0 || !startsAt) return { problems, input: null };
  return {
    problems,
    input: {
      series: d.series, partners: d.partners, number, title: d.title, place: d.place,
      startsAt, timeZone: d.timeZone, endsAt, recordingUrl: recordingUrl || null,
      hosts: d.hosts.filter((h) => !blank(h)),
      speakers: speakers.map((s) => ({ ...(s.id ? { id: s.id } : {}), fullName: s.fullName, shortName: s.shortName, position: s.position, agency: s.agency })),
      premoderation: d.premoderation,
    },
  };
}

/** Problem keys in the order the form shows them, so focus goes to the first. */
export const FIELD_ORDER = ['series', 'number', 'title', 'date', 'time', 'endTime', 'recordingUrl'];
