// A server process that polls due timers on a PostgreSQL database and hangs in the middle of one
// (restart-deadlines.test.ts kills it there with SIGKILL). Run with tsx:
//   node --import tsx timer-poller-child.ts URL UNTIL_MS HANG_AT_EVENT_INSERT
// Prints `IN_FLIGHT` once the effect of the timer it hangs in is written but not committed, or
// `DONE n` when it fired every due timer without reaching that point.
import { ManualClock } from '../../src/app/context.js';
import { policyByName } from '../../src/app/policies.js';
import { fireDueTimers } from '../../src/app/timers/fire-due-timers.js';
import { openDatabase } from '../../src/db/open-database.js';
import { crashAfterEventInsert } from './crash-point.js';

const [url, untilText, hangAtText] = process.argv.slice(2);
if (!url || !untilText || !hangAtText) throw new Error('usage: timer-poller-child.ts URL UNTIL_MS HANG_AT');
const until = Number(untilText);
const policy = policyByName('taobao');
if (!policy) throw new Error('the taobao policy is missing');
const opened = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
const hang = async () => {
  process.stdout.write('IN_FLIGHT\n');
  setInterval(() => {}, 60_000);
  await new Promise<never>(() => {});
};
const db = opened.db.withPlugin(crashAfterEventInsert(Number(hangAtText), hang));
const fired = await fireDueTimers({ db, policy, clock: new ManualClock(until) }, until, Number.MAX_SAFE_INTEGER);
process.stdout.write(`DONE ${fired}\n`);
await opened.close();
