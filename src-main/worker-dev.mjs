// A worker thread run from the sources (tests, the bench, `tsx`): tsx compiles the worker's `.ts`
// (its URL is the first argument) on the fly. The packaged app runs the bundled `.js` instead
// (see workers.ts).
import { register } from 'tsx/esm/api';

register();
await import(process.argv[2]);
