// The benchmarks behind `npm run bench:*` (tools/scripts/bench.mjs builds this and runs it on Node 24).
import { runCatalogBench } from './catalog/catalog.bench';
import {
  POINT_COMMAND,
  processOutput,
  runAppendPointCommand,
  runEventStoreBench,
} from './event-store/event-store.bench';

const BENCHMARKS = ['event-store', 'catalog'];

async function main(args: readonly string[]): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case 'event-store':
      return runEventStoreBench(rest);
    case 'catalog':
      return runCatalogBench(rest);
    case POINT_COMMAND:
      return runAppendPointCommand(rest[0]);
    default:
      processOutput.err(`usage: main.js <benchmark> [options]; benchmarks: ${BENCHMARKS.join(', ')}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  // Pools are closed by now; exiting also ends any handle a library leaves behind.
  (code) => process.exit(code),
  (error: unknown) => {
    processOutput.err(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
