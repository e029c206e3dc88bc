// The listener page without JavaScript (/j/CODE/ringan): for Opera Mini, KaiOS, old Android
// browsers and phones with JavaScript off. The same episode as the web page — the question on
// air, the open poll, the ask form, the listener's own questions, the queue ranked as the web
// ranks it — as plain forms that post and come back (routes/listener-lite.ts). A 20-question
// queue of long texts stays well under 15 KB on the wire: one small inline stylesheet, short
// markup, and one form for all the vote buttons of a page.
import { html, raw } from './html.ts';
import type { Html } from './html.ts';
import { STRINGS, fill } from './listener-lite-strings.ts';
import type { Lang } from './listener-lite-strings.ts';
import { LIMITS } from '../contract/text.ts';
import { rankQueue } from '../contract/ranking.ts';
import { episodeView, questionView } from '../domain/views.ts';
import { myPollAnswers, pollView, pollsOf } from '../domain/poll.ts';
import { isMember } from '../domain/members.ts';
import type { Episode, Id } from '../contract/types.ts';
import type { EpisodeView, PollView, QuestionView } from '../contract/views.ts';

/** Questions per page of the queue: a few screens on a 240×320 phone, and the weight stays small. */
export const LITE_PAGE_SIZE = 20;

export interface LiteModel {
  episode: EpisodeView;
  onAir: QuestionView | null;
  /** This page of the queue, in rank order. */
  queue: QuestionView[];
  total: number;
  page: number;
  pages: number;
  myVotes: ReadonlySet<Id>;
  /** The listener's own questions, newest first, whatever their status. */
  mine: QuestionView[];
  /** The open poll, or else the latest whose results the host shows (as the web page does). */
  poll: PollView | null;
  myAnswer: number | null;
}

/** What one listener sees of the episode on queue page `page` (1-based, clamped into range). */
export function liteModel(e: Episode, listenerId: Id, page: number): LiteModel {
  const queue = rankQueue(e.questions.filter((q) => q.status === 'approved').map(questionView));
  const pages = Math.max(1, Math.ceil(queue.length / LITE_PAGE_SIZE));
  const p = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const onAir = e.questions.find((q) => q.status === 'on_air');
  const myVotes = new Set<Id>();
  const mine: QuestionView[] = [];
  for (const q of e.questions) {
    if (q.askedBy === listenerId) mine.push(questionView(q));
    if (q.status === 'approved' || q.status === 'on_air') if (isMember(q.voters, listenerId)) myVotes.add(q.id);
  }
  mine.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const polls = pollsOf(e);
  const poll = polls.find((x) => x.status === 'open') ?? [...polls].reverse().find((x) => x.resultsVisible) ?? null;
  const answers = myPollAnswers(e, listenerId);
  return {
    episode: episodeView(e),
    onAir: onAir ? questionView(onAir) : null,
    queue: queue.slice((p - 1) * LITE_PAGE_SIZE, p * LITE_PAGE_SIZE),
    total: queue.length, page: p, pages,
    myVotes, mine,
    poll: poll ? pollView(poll, 'listener') : null,
    myAnswer: poll && Object.hasOwn(answers, poll.id) ? answers[poll.id]! : null,
  };
}

/** The queue page a question is on now (after a vote moved it), or null when it is not in the queue. */
export function litePageOf(e: Episode, questionId: Id): number | null {
  const at = rankQueue(e.questions.filter((q) => q.status === 'approved').map(questionView)).findIndex((q) => q.id === questionId);
  return at < 0 ? null : Math.floor(at / LITE_PAGE_SIZE) + 1;
}

// Readable at 240 px (KaiOS, a size smaller there) and 360 px: one column, system font, big
// enough buttons, no image, no web font. overflow-wrap keeps a long word from widening the page.
const CSS = `body{margin:0 auto;max-width:40rem;padding:.5rem .6rem 2rem;font:16px/1.4 sans-serif;color:#1a1a1a;background:#fffdf8;overflow-wrap:anywhere}
h1{font-size:1.25rem;margin:.1rem 0}h2{font-size:1.05rem;margin:1rem 0 .3rem;padding-top:.5rem;border-top:1px solid #d8d2c8}p{margin:.3rem 0}
a{color:#8a3b12}.m{color:#555;font-size:.875rem}ol,ul{list-style:none;padding:0;margin:0}li{padding:.4rem 0;border-bottom:1px solid #eee}
.msg{padding:.4rem;border:1px solid #7aa37a;background:#eef6ee}.err{border-color:#b3261e;background:#fdecea}
.air{padding:.4rem;border-left:4px solid #8a3b12;background:#f6ede4}.on{font-weight:700;color:#1e6b2e}
button{font:inherit;padding:.3rem .8rem;min-height:2.2rem}label{display:block;margin:.35rem 0}
textarea,input[type=text]{display:block;width:100%;box-sizing:border-box;font:inherit}textarea{height:5.5em}
input[type=radio]{width:1.1rem;height:1.1rem;vertical-align:-.15rem;margin-right:.4rem}
@media (max-width:260px){body{font-size:14px;padding:.3rem .4rem 1.5rem}h1{font-size:1.1rem}}`;

export interface LitePageInput {
  model: LiteModel;
  lang: Lang;
  /** The page's own address, /j/CODE/ringan: the forms post below it. */
  base: string;
  /** Ties each form to this listener's cookie (routes/listener-lite.ts). */
  formToken: string;
  message: { text: string; error: boolean } | null;
}

export function litePage({ model: m, lang, base, formToken, message }: LitePageInput): string {
  const s = STRINGS[lang];
  const e = m.episode;
  const live = e.status === 'live';
  const token = html`<input type="hidden" name="t" value="${formToken}">`;
  const meta = [e.number !== null ? fill(s.episodeNo, { n: e.number }) : null, live ? s.status_live : null, live ? fill(s.listeners, { n: e.listenerCount }) : null].filter(Boolean).join(' · ');
  const body = html`${message ? html`<p class="msg${message.error ? ' err' : ''}" role="${message.error ? 'alert' : 'status'}">${message.text}</p>` : ''}
<p class="m">${e.series}</p><h1>${e.title}</h1><p class="m">${meta}${meta ? ' · ' : ''}<a href="${base}">${s.reload}</a></p>
${e.status === 'draft' ? html`<p><b>${s.status_draft}</b></p><p>${fill(s.scheduled, { when: when(e.startsAt, e.timeZone, lang) })}</p>` : ''}
${e.status === 'ended' ? html`<p><b>${s.status_ended}</b></p><p><a href="/arsip/e/${encodeURIComponent(e.id)}">${s.archiveLink}</a></p>` : ''}
${e.status !== 'ended' ? html`<h2>${s.onAirHeading}</h2>${m.onAir ? votable(html`<div class="air" id="q-${m.onAir.id}">${card(m.onAir, m, s, live)}</div>`, m, base, token, live) : html`<p class="m">${s.onAirNone}</p>`}` : ''}
${m.poll ? pollSection(m, s, base, token, live) : ''}
${live ? askForm(s, base, token) : e.status === 'draft' ? html`<h2>${s.askHeading}</h2><p class="m">${s.askClosedDraft}</p>` : ''}
${m.mine.length ? html`<h2>${s.mineHeading}</h2><ul>${m.mine.map((q) => html`<li><p>${q.number ? html`<b>${fill(s.number, { n: q.number })}</b> ` : ''}${q.text}</p><p class="m">${s.status[q.status]}</p></li>`)}</ul>` : ''}
${e.status !== 'ended' ? queueSection(m, s, base, token, live) : ''}
<p class="m">${s.lite}</p>`;
  return html`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${e.title} – ${s.pageTitle}</title><style>${raw(CSS)}</style></head><body>${body}</body></html>`.value;
}

/** A short page for an unknown code or a refused request: the sentence and a way on. */
export function liteNotice(lang: Lang, title: string, text: string, link: { href: string; label: string }): string {
  return html`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title><style>${raw(CSS)}</style></head><body><h1>${title}</h1><p>${text}</p><p><a href="${link.href}">${link.label}</a></p></body></html>`.value;
}

type S = (typeof STRINGS)[Lang];

function question(q: QuestionView, s: S): Html {
  const who = [q.askerName ?? s.anonymous, q.askerLocation].filter(Boolean).join(', ');
  return html`<p>${q.number ? html`<b>${fill(s.number, { n: q.number })}</b> ` : ''}${q.text}</p><p class="m">${who} · ${fill(s.votes, { n: q.votes })}</p>`;
}

function askForm(s: S, base: string, token: Html): Html {
  return html`<h2 id="tanya">${s.askHeading}</h2><form method="post" action="${base}/tanya">${token}<label>${fill(s.askText, { max: LIMITS.questionText })}<textarea name="text" maxlength="${LIMITS.questionText}" required></textarea></label><label>${s.askName}<input type="text" name="name" maxlength="${LIMITS.name}"></label><label>${s.askPlace}<input type="text" name="location" maxlength="${LIMITS.location}"></label><p class="m">${s.askPublic}</p><button type="submit">${s.send}</button></form>`;
}

function pollSection(m: LiteModel, s: S, base: string, token: Html, live: boolean): Html {
  const p = m.poll!;
  const open = p.status === 'open' && live;
  const results = p.counts && p.percents ? html`<ul>${p.options.map((o, i) => html`<li>${o}: <b>${p.percents![i]}%</b> (${p.counts![i]})${m.myAnswer === i ? html` · <span class="on">${s.pollChosen}</span>` : ''}</li>`)}</ul><p class="m">${fill(s.pollTotal, { n: p.total ?? 0 })}</p>` : null;
  const form = html`<form method="post" action="${base}/pilih">${token}<input type="hidden" name="pollId" value="${p.id}">${p.options.map((o, i) => html`<label><input type="radio" name="option" value="${i}"${raw(m.myAnswer === i ? ' checked' : '')} required>${o}</label>`)}<button type="submit">${s.pollSend}</button></form>`;
  return html`<h2 id="jajak">${s.pollHeading}</h2><p><b>${p.question}</b></p>${open ? html`<p class="m">${s.pollHint}</p>${form}` : html`<p class="m">${s.pollClosed}</p>`}${results ?? (open ? html`<p class="m">${s.pollHidden}</p>` : '')}`;
}

function queueSection(m: LiteModel, s: S, base: string, token: Html, live: boolean): Html {
  const pageHref = (n: number) => (n === 1 ? base : `${base}?hal=${n}`);
  const nav = m.pages > 1
    ? html`<p>${m.page > 1 ? html`<a href="${pageHref(m.page - 1)}">${s.prev}</a> ` : ''}${fill(s.pageOf, { n: m.page, of: m.pages })}${m.page < m.pages ? html` <a href="${pageHref(m.page + 1)}">${s.next}</a>` : ''}</p>`
    : '';
  const items = m.queue.map((q) => html`<li id="q-${q.id}">${card(q, m, s, live)}</li>`);
  const list = html`<ol>${m.queue.length ? items : html`<li class="m">${s.queueEmpty}</li>`}</ol>`;
  return html`<h2 id="antrean">${s.queueHeading} (${m.total})</h2><p class="m">${s.queueHint}</p>${nav}${m.queue.length ? votable(list, m, base, token, live) : list}${nav}`;
}

/** A question with whether this listener supports it and, while live, the button that toggles it. */
function card(q: QuestionView, m: LiteModel, s: S, live: boolean): Html {
  const voted = m.myVotes.has(q.id);
  const button = live ? html`<button type="submit" name="questionId" value="${q.id}">${voted ? s.withdraw : s.support}</button>` : '';
  return html`${question(q, s)}${voted ? html`<p class="on">✓ ${s.youSupport}</p>` : ''}${button}`;
}

/** One form around many buttons: each sends its own question id (a second press withdraws). */
function votable(content: Html, m: LiteModel, base: string, token: Html, live: boolean): Html {
  return live ? html`<form method="post" action="${base}/dukung">${token}<input type="hidden" name="hal" value="${m.page}">${content}</form>` : content;
}

function when(iso: string, timeZone: string, lang: Lang): string {
  try {
    return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { timeZone, dateStyle: 'full', timeStyle: 'short' }).format(new Date(iso));
  } catch {
    return iso;
  }
}
