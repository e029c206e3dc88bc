// The entry stays tiny and asks for everything the page needs at once: on a slow link,
// chunks fetched in parallel share one 400 ms round trip instead of waiting for each
// other. early.ts opens the socket and joins while the page's code downloads.
const live = /^\/(j|studio)\/[^/]+\/?$/.exec(location.pathname);
if (live) void (live[1] === 'studio' ? import('./routes/studio/Studio.svelte') : import('./routes/listener/Listener.svelte'));
void import('./early.ts').then((m) => m.startEarly());
void import('./app.ts');
