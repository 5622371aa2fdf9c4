// The report worker run from the sources (tests, the bench, `tsx`): tsx compiles worker.ts on the
// fly. The packaged app runs the bundled report-worker.js instead (see pool.ts).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
