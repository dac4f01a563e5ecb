// What containers write, by image family: steady traffic lines (deterministic for a container and a
// line number, so a tail can be computed without storing it) and the lines a start, a stop or a
// crash produces. Formats follow each program's own log format.

export interface LogLine {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** A small deterministic generator (mulberry32), seeded per container and line. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length) % items.length] as T;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `25/Nov/2026:13:37:00 +0000`, the common log format's clock. */
function clf(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

function isoSpace(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '');
}

function redisClock(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}

function apacheClock(ms: number): string {
  const d = new Date(ms);
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}000 ${d.getUTCFullYear()}`;
}

const paths = ['/', '/index.html', '/health', '/api/items', '/api/items/42', '/static/app.css', '/static/app.js', '/search?q=brca1', '/login'];
const agents = [
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/71.0.3578.98 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.14; rv:64.0) Gecko/20100101 Firefox/64.0',
  'curl/7.58.0',
  'python-requests/2.21.0',
];

function client(rand: () => number): string {
  return `10.42.${Math.floor(rand() * 4)}.${2 + Math.floor(rand() * 250)}`;
}

function accessLine(rand: () => number, ms: number): string {
  const status = rand() < 0.9 ? 200 : pick(rand, [301, 304, 404, 500]);
  const bytes = status === 304 ? 0 : 200 + Math.floor(rand() * 20_000);
  return `${client(rand)} - - [${clf(ms)}] "${pick(rand, ['GET', 'GET', 'GET', 'POST'])} ${pick(rand, paths)} HTTP/1.1" ${status} ${bytes} "-" "${pick(rand, agents)}"`;
}

const traffic: Record<string, (rand: () => number, ms: number) => LogLine> = {
  nginx: (rand, ms) =>
    rand() < 0.95
      ? { stream: 'stdout', text: accessLine(rand, ms) }
      : {
          stream: 'stderr',
          text: `${isoSpace(ms).replace(/-/g, '/')} [error] 7#7: *${Math.floor(rand() * 9000)} open() "/usr/share/nginx/html/favicon.ico" failed (2: No such file or directory), client: ${client(rand)}, server: localhost, request: "GET /favicon.ico HTTP/1.1"`,
        },
  httpd: (rand, ms) => ({ stream: 'stdout', text: accessLine(rand, ms).replace(/ "-" ".*"$/, '') }),
  mysql: (rand, ms) => ({
    stream: 'stderr',
    text:
      rand() < 0.7
        ? `${new Date(ms).toISOString().replace('Z', '000Z')} ${Math.floor(rand() * 400)} [Note] Aborted connection ${Math.floor(rand() * 400)} to db: 'foo' user: 'foo' host: '${client(rand)}' (Got timeout reading communication packets)`
        : `${new Date(ms).toISOString().replace('Z', '000Z')} 0 [Note] InnoDB: page_cleaner: 1000ms intended loop took ${4000 + Math.floor(rand() * 3000)}ms.`,
  }),
  redis: (rand, ms) => {
    const n = Math.floor(rand() * 100);
    return { stream: 'stdout', text: pick(rand, [`1:M ${redisClock(ms)} * ${n} changes in 300 seconds. Saving...`, `1:M ${redisClock(ms)} * Background saving started by pid ${20 + n}`, `${20 + n}:C ${redisClock(ms)} * DB saved on disk`, `1:M ${redisClock(ms)} * Background saving terminated with success`]) };
  },
  python: (rand, ms) => {
    if (rand() < 0.85) {
      const status = rand() < 0.92 ? 200 : pick(rand, [302, 404, 500]);
      return { stream: 'stdout', text: `[${isoSpace(ms)} +0000] [${8 + Math.floor(rand() * 4)}] [INFO] ${pick(rand, ['GET', 'GET', 'POST'])} ${pick(rand, paths)} ${status} ${(rand() * 0.3).toFixed(3)}s` };
    }
    return { stream: 'stderr', text: pick(rand, ['WARNING:django.request:Not Found: /robots.txt', `WARNING:app.db:slow query took ${(1 + rand() * 4).toFixed(2)}s`, 'WARNING:urllib3.connectionpool:Retrying (Retry(total=2)) after connection broken']) };
  },
  monitor: (rand, ms) => {
    const target = pick(rand, ['https://www.nersc.gov', 'https://my.nersc.gov', 'https://docs.nersc.gov', 'ldap://ldap.nersc.gov']);
    return rand() < 0.93
      ? { stream: 'stdout', text: `${isoSpace(ms)} check ok: ${target} ${20 + Math.floor(rand() * 300)}ms` }
      : { stream: 'stderr', text: `${isoSpace(ms)} check FAILED: ${target} timeout after 5000ms` };
  },
};

export function trafficLine(style: string, seed: number, ms: number): LogLine {
  const make = traffic[style] ?? traffic.python;
  return (make as (rand: () => number, ms: number) => LogLine)(seeded(seed), ms);
}

export function startupLines(style: string, ms: number, version: string): LogLine[] {
  const err = (text: string): LogLine => ({ stream: 'stderr', text });
  const out = (text: string): LogLine => ({ stream: 'stdout', text });
  switch (style) {
    case 'httpd':
      return [
        err(`AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.42.0.9. Set the 'ServerName' directive globally to suppress this message`),
        err(`[${apacheClock(ms)}] [mpm_event:notice] [pid 1:tid 140212] AH00489: Apache/${version} (Unix) configured -- resuming normal operations`),
      ];
    case 'mysql': {
      const at = new Date(ms).toISOString().replace('Z', '000Z');
      return [
        err(`${at} 0 [Note] mysqld (mysqld ${version}) starting as process 1 ...`),
        err(`${at} 0 [Note] InnoDB: Buffer pool(s) load completed`),
        err(`${at} 0 [Note] mysqld: ready for connections.`),
        err(`Version: '${version}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server (GPL)`),
      ];
    }
    case 'redis':
      return [
        out(`1:C ${redisClock(ms)} # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`),
        out(`1:C ${redisClock(ms)} # Redis version=${version}, bits=64, commit=00000000, modified=0, pid=1, just started`),
        out(`1:M ${redisClock(ms)} * Ready to accept connections`),
      ];
    case 'python':
      return [
        out(`[${isoSpace(ms)} +0000] [1] [INFO] Starting gunicorn 19.9.0`),
        out(`[${isoSpace(ms)} +0000] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`),
        out(`[${isoSpace(ms)} +0000] [1] [INFO] Using worker: sync`),
        out(`[${isoSpace(ms)} +0000] [8] [INFO] Booting worker with pid: 8`),
      ];
    case 'monitor':
      return [out(`${isoSpace(ms)} monitor ${version} starting, 4 checks loaded`)];
    default:
      return [];
  }
}

export function shutdownLines(style: string, ms: number): LogLine[] {
  switch (style) {
    case 'python':
      return [
        { stream: 'stdout', text: `[${isoSpace(ms)} +0000] [1] [INFO] Handling signal: term` },
        { stream: 'stdout', text: `[${isoSpace(ms)} +0000] [8] [INFO] Worker exiting (pid: 8)` },
        { stream: 'stdout', text: `[${isoSpace(ms)} +0000] [1] [INFO] Shutting down: Master` },
      ];
    case 'mysql':
      return [{ stream: 'stderr', text: `${new Date(ms).toISOString().replace('Z', '000Z')} 0 [Note] mysqld: Shutdown complete` }];
    case 'redis':
      return [
        { stream: 'stdout', text: `1:signal-handler (${Math.floor(ms / 1000)}) Received SIGTERM scheduling shutdown...` },
        { stream: 'stdout', text: `1:M ${redisClock(ms)} # Redis is now ready to exit, bye bye...` },
      ];
    case 'httpd':
      return [{ stream: 'stderr', text: `[${apacheClock(ms)}] [mpm_event:notice] [pid 1:tid 140212] AH00491: caught SIGTERM, shutting down` }];
    default:
      return [];
  }
}

/** What a crashing program prints on its way out: a Python traceback, or a fatal line. */
export function crashLines(style: string, exitCode: number, env: Record<string, unknown>): LogLine[] {
  if (style !== 'python') return [{ stream: 'stderr', text: `fatal: unrecoverable error, exiting with status ${exitCode}` }];
  const dsn = typeof env.DATABASE_URL === 'string' ? env.DATABASE_URL : 'postgres://db:5432/app';
  const host = /\/\/([^:/]+)/.exec(dsn)?.[1] ?? 'db';
  if (exitCode === 137) {
    // Killed for memory: the kernel gives no chance to write; these are the warnings that led there.
    return [
      `WARNING psycopg2.OperationalError: could not translate host name "${host}" to address: Name or service not known; retrying`,
      'WARNING 48211 writes queued in memory while the database is unreachable',
    ].map((text) => ({ stream: 'stderr' as const, text }));
  }
  return [
    'Traceback (most recent call last):',
    '  File "/app/main.py", line 42, in <module>',
    '    conn = psycopg2.connect(os.environ["DATABASE_URL"])',
    '  File "/usr/local/lib/python3.7/site-packages/psycopg2/__init__.py", line 130, in connect',
    '    conn = _connect(dsn, connection_factory=connection_factory, **kwasync)',
    `psycopg2.OperationalError: could not translate host name "${host}" to address: Name or service not known`,
  ].map((text) => ({ stream: 'stderr' as const, text }));
}
