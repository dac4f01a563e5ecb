// `npm run bench -- shell` (issue 13): keystroke round trips (send one byte, wait for its echo) through
// the portal's shell websocket against the simulator's exec socket, in the same run, in alternating
// blocks; target: the portal adds under 2 ms at p99. Then 50 shells open at once through the portal,
// each running a command and echoing keystrokes. `ratio` is the portal's median round trip over the
// direct one.
import type WebSocket from 'ws';
import { generateFixture } from '../sim/fixture/generate-fixture';
import { signIn } from '../test/helpers/portal-session';
import { residentBytes } from '../test/helpers/portal-world';
import { mb, median, nowMs, percentile, portalSocket, rancherSocket, round, runBench, runningContainers, type BenchWorld } from './_portal-bench';

const blocks = 10;
const keysPerBlock = 200;
const concurrentShells = 50;
const keysPerConcurrentShell = 20;
const targets = { addedP99Ms: 2 };
const timeoutMs = 10_000;
/** A prompt ends the shell's output: `/ # `, `~ $ `. */
const prompt = /[#$] $/;

/** A terminal as a byte stream both ways, over either socket. */
interface Terminal {
  send(bytes: string): void;
  /** Output until `done` holds for all of it so far. */
  until(done: (output: string) => boolean): Promise<string>;
  close(): void;
}

function terminal(ws: WebSocket, encode: (bytes: string) => string | Buffer, decode: (data: Buffer, isBinary: boolean) => string | null): Terminal {
  let output = '';
  let waiter: { done: (output: string) => boolean; resolve: (output: string) => void } | null = null;
  const check = () => {
    if (waiter?.done(output)) {
      const { resolve } = waiter;
      waiter = null;
      const seen = output;
      output = '';
      resolve(seen);
    }
  };
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    const text = decode(data, isBinary);
    if (text === null) return;
    output += text;
    check();
  });
  ws.resume();
  return {
    send: (bytes) => ws.send(encode(bytes)),
    until: (done) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms; output so far: ${JSON.stringify(output)}`)), timeoutMs);
        waiter = {
          done,
          resolve: (seen) => {
            clearTimeout(timer);
            resolve(seen);
          },
        };
        check();
      }),
    close: () => ws.close(),
  };
}

/** The simulator's exec socket: base64 text frames both ways (rancher-api.md §6.3). */
async function directShell(world: BenchWorld, containerId: string): Promise<Terminal> {
  const ws = await rancherSocket(world, containerId, 'execute', { attachStdin: true, attachStdout: true, tty: true, command: ['/bin/sh'] });
  const term = terminal(
    ws,
    (bytes) => Buffer.from(bytes, 'utf8').toString('base64'),
    (data) => Buffer.from(data.toString(), 'base64').toString('utf8'),
  );
  await term.until((out) => prompt.test(out));
  return term;
}

/** The portal's shell socket: binary frames are terminal bytes, text frames JSON control messages. */
async function portalShell(world: BenchWorld, cookie: string, containerId: string): Promise<Terminal> {
  const ws = await portalSocket(world, `/api/v1/containers/${containerId}/shell?cols=80&rows=24`, cookie);
  let ready = false;
  const term = terminal(
    ws,
    (bytes) => Buffer.from(bytes, 'utf8'),
    (data, isBinary) => {
      if (isBinary) return data.toString('utf8');
      const control = JSON.parse(data.toString()) as { type?: string; message?: string };
      if (control.type === 'ready') ready = true;
      // Shown in the output, so a wait that never ends says why.
      return control.type === 'error' ? `[portal error: ${control.message}]` : null;
    },
  );
  await term.until((out) => ready && prompt.test(out));
  return term;
}

/** Round trips of `count` keystrokes, a letter and a backspace in turn, so the line stays short. */
async function keystrokes(term: Terminal, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const [key, echo] = i % 2 === 0 ? ['a', 'a'] : ['\x7f', '\b \b'];
    const sent = nowMs();
    term.send(key);
    await term.until((out) => out.includes(echo));
    times.push(nowMs() - sent);
  }
  return times;
}

async function roundTrips(world: BenchWorld, cookie: string, containerId: string) {
  const direct = await directShell(world, containerId);
  const portal = await portalShell(world, cookie, containerId);
  const directMs: number[] = [];
  const portalMs: number[] = [];
  try {
    await keystrokes(direct, keysPerBlock);
    await keystrokes(portal, keysPerBlock);
    for (let i = 0; i < blocks; i++) {
      if (i % 2 === 1) portalMs.push(...(await keystrokes(portal, keysPerBlock)));
      directMs.push(...(await keystrokes(direct, keysPerBlock)));
      if (i % 2 === 0) portalMs.push(...(await keystrokes(portal, keysPerBlock)));
    }
  } finally {
    direct.close();
    portal.close();
  }
  return {
    keystrokes: directMs.length,
    directP50Ms: round(median(directMs), 3),
    directP99Ms: round(percentile(directMs, 0.99), 3),
    portalP50Ms: round(median(portalMs), 3),
    portalP99Ms: round(percentile(portalMs, 0.99), 3),
    addedP99Ms: round(percentile(portalMs, 0.99) - percentile(directMs, 0.99), 3),
    ratio: round(median(portalMs) / median(directMs), 3),
  };
}

/** One of the concurrent shells: opens, runs a command, echoes keystrokes; its round trips, or why it failed. */
async function busyShell(world: BenchWorld, cookie: string, containerId: string, n: number): Promise<number[]> {
  const term = await portalShell(world, cookie, containerId);
  try {
    term.send(`echo shell-${n}\r`);
    await term.until((out) => out.includes(`\r\nshell-${n}\r\n`) && prompt.test(out));
    return await keystrokes(term, keysPerConcurrentShell);
  } finally {
    term.close();
  }
}

async function concurrent(world: BenchWorld, cookie: string, containers: { id: string }[]) {
  const pid = world.portal.child.pid ?? 0;
  const idleRss = await residentBytes(pid);
  let peak = idleRss;
  const sampler = setInterval(() => {
    residentBytes(pid).then(
      (rss) => (peak = Math.max(peak, rss)),
      () => undefined,
    );
  }, 100);
  const started = nowMs();
  const outcomes = await Promise.allSettled(containers.slice(0, concurrentShells).map((c, n) => busyShell(world, cookie, c.id, n)));
  const elapsedMs = nowMs() - started;
  clearInterval(sampler);
  const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [String(o.reason)] : []));
  const times = outcomes.flatMap((o) => (o.status === 'fulfilled' ? o.value : []));
  if (failures.length) console.log(`${failures.length} shells failed, first: ${failures[0]}`);
  return {
    shells: concurrentShells,
    shellsWorking: outcomes.length - failures.length,
    elapsedMs: Math.round(elapsedMs),
    keystrokeP50Ms: round(median(times), 3),
    keystrokeP99Ms: round(percentile(times, 0.99), 3),
    idleRssMb: mb(idleRss),
    rssMb: mb(peak),
  };
}

async function measure(world: BenchWorld): Promise<Record<string, unknown>> {
  const cookie = await signIn(world.portal.url, 'wilma');
  const containers = runningContainers(world);
  const first = containers[0];
  if (!first || containers.length < concurrentShells) throw new Error(`the world has ${containers.length} running containers, ${concurrentShells} needed`);

  const trips = await roundTrips(world, cookie, first.id);
  console.log(`keystroke round trip over ${trips.keystrokes} keys each: direct p50 ${trips.directP50Ms} ms p99 ${trips.directP99Ms} ms; portal p50 ${trips.portalP50Ms} ms p99 ${trips.portalP99Ms} ms; added p99 ${trips.addedP99Ms} ms (target < ${targets.addedP99Ms} ms)`);
  const many = await concurrent(world, cookie, containers);
  console.log(`${many.shellsWorking} of ${many.shells} concurrent shells worked in ${many.elapsedMs} ms; their keystrokes p50 ${many.keystrokeP50Ms} ms p99 ${many.keystrokeP99Ms} ms; portal RSS ${many.idleRssMb} MB idle, peak ${many.rssMb} MB`);

  const { ratio, ...rest } = trips;
  const meetsTarget = trips.addedP99Ms < targets.addedP99Ms && many.shellsWorking === many.shells;
  return { ...rest, addedP99TargetMs: targets.addedP99Ms, concurrent: many, meetsTarget, ratio };
}

runBench('shell', { fixture: generateFixture({ stacks: concurrentShells, services: 1, containers: 1 }), stepMs: 1000 }, measure);
