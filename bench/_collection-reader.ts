// A collection reader on its own thread, shared by the benches that compare the portal with the
// simulator (not a bench itself: bench/run.ts skips `_` files).
import { Worker } from 'node:worker_threads';
import { z } from 'zod';

// The direct side's fetching and JSON parsing runs on its own thread, as the portal's runs in its own
// process: on the simulator's thread it would wait for the simulator, and the simulator for it.
const readerSource = `
const { parentPort } = require('node:worker_threads');
async function fetchAll(url, authorization) {
  let rows = 0;
  let next = url;
  while (next) {
    const res = await fetch(next, { headers: { authorization, accept: 'application/json' } });
    if (!res.ok) throw new Error(next + ' answered ' + res.status);
    const page = await res.json();
    rows += page.data.length;
    next = (page.pagination && page.pagination.next) || null;
  }
  return rows;
}
parentPort.on('message', ({ urls, authorization }) => {
  Promise.all(urls.map((url) => fetchAll(url, authorization))).then(
    (rows) => parentPort.postMessage({ rows }),
    (err) => parentPort.postMessage({ error: String(err) }),
  );
});`;

const readerAnswer = z.union([z.object({ rows: z.array(z.number()) }), z.object({ error: z.string() })]);

/** Lists every page of each collection with plain fetch and JSON parsing: the least any client must do. */
export function collectionReader(urls: string[], authorization: string) {
  const worker = new Worker(readerSource, { eval: true });
  const read = () =>
    new Promise<number[]>((resolve, reject) => {
      worker.once('message', (message: unknown) => {
        const answer = readerAnswer.parse(message);
        if ('error' in answer) reject(new Error(answer.error));
        else resolve(answer.rows);
      });
      worker.postMessage({ urls, authorization });
    });
  return { read, close: () => worker.terminate() };
}
