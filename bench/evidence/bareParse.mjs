/**
 * The floor bench/evidence.ts compares haze against: one csv-parse stream pass over a readings file, counting
 * rows and doing nothing else (the parser haze's readers use, with bom: true as they read every CSV).
 *
 *   node bench/evidence/bareParse.mjs FILE      # prints the number of rows after the header
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

let rows = 0;
for await (const _record of createReadStream(process.argv[2]).pipe(parse({ bom: true }))) rows++;
process.stdout.write(`${rows - 1}\n`);
