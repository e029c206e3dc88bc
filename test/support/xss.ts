// The XSS corpus every page is tested with (test/e2e/xss.test.ts for the web app,
// test/e2e/public-xss.test.ts for the server-rendered public pages), and the check for
// what a payload that needs a click or a hover would leave behind.
import type { Page } from 'playwright-core';

const X = 'window.__xss=1';
/** ≤ 80 characters each, so every payload fits every field (names are the shortest). */
export const XSS: string[] = [
  `<script>${X}</script>`,
  `<img src=x onerror=${X}>`,
  `<img src=x onerror="alert(1)">`,
  `<svg onload=${X}>`,
  `<svg><script>${X}</script></svg>`,
  `<iframe srcdoc="<script>parent.__xss=1</script>">`,
  `<iframe src="javascript:parent.__xss=1">`,
  `<body onload=${X}>`,
  `<input autofocus onfocus=${X}>`,
  `<details open ontoggle=${X}>`,
  `<video><source onerror=${X}></video>`,
  `<audio src=x onerror=${X}>`,
  `<marquee onstart=${X}>x</marquee>`,
  `<object data="javascript:${X}">`,
  `<embed src="javascript:${X}">`,
  `<a href="javascript:${X}">klik</a>`,
  `<a href="jav&#x09;ascript:${X}">klik</a>`,
  `<a href=" javascript:${X}">klik</a>`,
  `<form action="javascript:${X}"><button>kirim`,
  `<math><a xlink:href="javascript:${X}">m</a></math>`,
  `<div style="background:url(javascript:${X})">`,
  `<style>@import 'javascript:${X}';</style>`,
  `<link rel=stylesheet href="javascript:${X}">`,
  `<meta http-equiv="refresh" content="0;javascript:${X}">`,
  `<base href="javascript:${X}//">`,
  `"><script>${X}</script>`,
  `'><img src=x onerror=${X}>`,
  `</textarea><script>${X}</script>`,
  `</title><script>${X}</script>`,
  `</script><script>${X}</script>`,
  `<!--<img src="--><img src=x onerror=${X}>">`,
  `<noscript><p title="</noscript><img src=x onerror=${X}>">`,
  `<![CDATA[<img src=x onerror=${X}>]]>`,
  `<scr<script>ipt>${X}</scr</script>ipt>`,
  `<SCRIPT SRC=//x.test/x.js></SCRIPT>`,
  `<img src="x" onerror="&#119;indow.__xss=1">`,
  `<img src=x onerror=eval(atob('d2luZG93Ll9feHNzPTE='))>`,
  `&lt;script&gt;${X}&lt;/script&gt;`,
  `\\u003cscript\\u003e${X}\\u003c/script\\u003e`,
  `%3Cscript%3E${X}%3C/script%3E`,
  `[klik](javascript:${X})`,
  `[klik](javascript&#58;${X})`,
  `![x](x" onerror="${X})`,
  `<javascript:${X}>`,
  `[a]: javascript:${X}\n[klik][a]`,
  `**<img src=x onerror=${X}>**`,
  '`<img src=x onerror=window.__xss=1>`',
  `| <img src=x onerror=${X}> | x |`,
  `# <svg onload=${X}>`,
  `> <img src=x onerror=${X}>`,
  `- [x](data:text/html,<script>${X}</script>)`,
  `{@html '<img src=x onerror=${X}>'}`,
  `{{constructor.constructor('${X}')()}}`,
  `\${alert(1)}`,
  `<img src=x:alert(1) onerror=eval(src)>`,
  `<x onclick=${X}>klik saya</x>`,
  `<a onmouseover=${X}>arahkan</a>`,
  `<select autofocus onfocus=${X}>`,
  `<keygen autofocus onfocus=${X}>`,
  `javascript:${X}`,
  `data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==`,
];

/** Elements that grew an event handler, a javascript:/data: link, a script with the flag, or a frame. */
export async function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const a of Array.from(el.attributes)) {
        const v = a.value.toLowerCase();
        if (a.name.startsWith('on') && /__xss|alert|eval/.test(v)) bad.push(`${el.tagName} ${a.name}=${a.value}`);
        // A payload percent-encoded inside an http(s) link (the WhatsApp share text) is only text.
        if (['href', 'src', 'action', 'data', 'formaction', 'xlink:href', 'srcdoc'].includes(a.name) && (/^\s*(javascript|data:text\/html)/.test(v) || (/__xss/.test(v) && !/^https?:\/\/[^\s<>"']+$/.test(v)))) bad.push(`${el.tagName} ${a.name}=${a.value}`);
      }
      if (el.tagName === 'SCRIPT' && /__xss/.test(el.textContent ?? '')) bad.push('SCRIPT');
      if (el.tagName === 'IFRAME' || el.tagName === 'OBJECT' || el.tagName === 'EMBED') bad.push(el.tagName);
    }
    return bad;
  });
}
