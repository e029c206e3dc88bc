// An usulan's text cut to a line, for places that name several at once (the bulk
// confirmation): enough to recognise it, with its id beside it to tell twins apart.
export function shortTitle(text: string, max = 70): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
