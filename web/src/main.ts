// The entry stays small (the socket client and a few lines) so it runs early; Svelte
// and the app follow as a chunk of their own. See early.ts for why.
import { startEarly } from './early.ts';

startEarly();
void import('./app.ts');
