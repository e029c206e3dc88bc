import { largeShow } from './lib/large-episode.ts';
import { exportNotula } from '../../server/domain/notula/index.ts';
import { deskView, notulaAspirations } from '../../server/domain/planner.ts';
import { musrenbangCsv, musrenbangRows } from '../../server/domain/musrenbang.ts';
const { episode: e, aspirations, district } = largeShow({ listeners: 2000 });
const notula = () => exportNotula(e, notulaAspirations(aspirations, district, e.id));
const csvOf = () => musrenbangCsv(musrenbangRows(aspirations.map((a) => deskView(a, district, () => e)), true), { personal: true });
for (let i = 0; i < 2; i++) { notula(); csvOf(); }
let t = performance.now(); for (let i = 0; i < 3; i++) notula(); console.log('md ms', (performance.now() - t) / 3);
t = performance.now(); for (let i = 0; i < 3; i++) notulaAspirations(aspirations, district, e.id); console.log('notulaAspirations ms', (performance.now() - t) / 3);
t = performance.now(); for (let i = 0; i < 3; i++) csvOf(); console.log('csv ms', (performance.now() - t) / 3);
