import { spawn } from 'node:child_process';
import { constants, existsSync, openSync, closeSync } from 'node:fs';
import { access, mkdir, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type { Config } from '../config.js';
import { LocalNeo4jError, resolveEngine } from './engine.js';

type LocalConfig = Config['local'];

export interface LocalStatus {
  running: boolean;
  ready: boolean;
  pid?: number;
  uri: string;
  home: string;
}

export interface LocalCredentials {
  uri: string;
  user: string;
  password: string;
}

const files = (home: string) => ({
  pid: path.join(home, 'launcher.pid'),
  ready: path.join(home, 'ready'),
  credentials: path.join(home, 'credentials'),
  log: path.join(home, 'launcher.log'),
});

export async function localStatus(local: LocalConfig): Promise<LocalStatus> {
  const f = files(local.home);
  const uri = `bolt://${local.host}:${local.port}`;
  const pid = await readPid(f.pid);
  if (pid === undefined || !processAlive(pid)) {
    return { running: false, ready: false, uri, home: local.home };
  }
  return { running: true, ready: existsSync(f.ready), pid, uri, home: local.home };
}

/**
 * Starts the managed Neo4j if it is not running and waits until Bolt is ready.
 * Returns true when this call started it (so a caller can stop what it started).
 */
export async function startLocal(local: LocalConfig, log: (line: string) => void = () => {}): Promise<boolean> {
  const f = files(local.home);
  const status = await localStatus(local);
  if (status.running) {
    await waitUntilReady(local, status.pid!);
    return false;
  }
  // A pid file whose process is gone was left by a crash or a kill -9: clear it.
  await rm(f.pid, { force: true });
  await rm(f.ready, { force: true });
  if (!(await portIsFree(local.host, local.port))) {
    throw new LocalNeo4jError(
      `Port ${local.port} on ${local.host} is already taken by another program; stop it or set CLEW_NEO4J_PORT to a free port.`,
    );
  }
  const settingsFile = local.settingsFile ? await readableSettingsFile(local.settingsFile) : '';
  const engine = await resolveEngine(local.cacheDir);
  await mkdir(local.home, { recursive: true });
  log(`Starting Neo4j ${engine.version} (data in ${local.home}, bolt://${local.host}:${local.port})`);
  const out = openSync(f.log, 'a');
  const child = spawn(
    engine.java,
    [
      `-Xms${local.heap}`,
      `-Xmx${local.heap}`,
      '-XX:+UseG1GC',
      // Imports allocate some 1.6 GB a second. With G1's adaptive young generation (about a
      // fifth of the heap here) it collected every 0.8 s, copying each in-flight batch's state
      // several times and promoting the overflow: 13 % of Neo4j's CPU. A young generation of
      // at least half the heap collects a fifth as often, for pauses no longer
      // (docs/benchmarks.md, stop 18).
      '-XX:+UnlockExperimentalVMOptions',
      '-XX:G1NewSizePercent=50',
      ...local.javaOptions,
      '--add-opens=java.base/java.nio=ALL-UNNAMED',
      '--add-opens=java.base/java.io=ALL-UNNAMED',
      '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
      '--add-opens=java.base/java.lang=ALL-UNNAMED',
      '-Dio.netty.tryReflectionSetAccessible=true',
      '-Dfile.encoding=UTF-8',
      '-cp',
      engine.classpath,
      'ClewNeo4jLauncher',
    ],
    {
      detached: true,
      stdio: ['ignore', out, out],
      env: {
        ...process.env,
        CLEW_NEO4J_HOME: local.home,
        CLEW_NEO4J_HOST: local.host,
        CLEW_NEO4J_PORT: String(local.port),
        CLEW_NEO4J_PAGECACHE: local.pageCache,
        CLEW_NEO4J_TX_MAX: local.txMemoryMax,
        CLEW_NEO4J_TX_LOG_KEEP: local.txLogKeep,
        CLEW_NEO4J_CONF: settingsFile,
      },
    },
  );
  closeSync(out);
  child.unref();
  if (child.pid === undefined) throw new LocalNeo4jError('The Neo4j launcher could not be started (no process id).');
  await waitUntilReady(local, child.pid);
  log(`Neo4j is ready (pid ${child.pid})`);
  return true;
}

/** The operator's settings file as an absolute path, or a sentence naming why it cannot be used. */
async function readableSettingsFile(file: string): Promise<string> {
  const absolute = path.resolve(file);
  try {
    await access(absolute, constants.R_OK);
  } catch {
    throw new LocalNeo4jError(`CLEW_NEO4J_CONF names ${absolute}, which cannot be read; correct the path or unset CLEW_NEO4J_CONF.`);
  }
  return absolute;
}

async function waitUntilReady(local: LocalConfig, pid: number): Promise<void> {
  const f = files(local.home);
  const deadline = Date.now() + local.startTimeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(f.ready)) return;
    if (!processAlive(pid)) {
      throw new LocalNeo4jError(await launcherFailure(f.log));
    }
    await sleep(200);
  }
  throw new LocalNeo4jError(
    `Neo4j did not become ready within ${local.startTimeoutMs / 1000} s; see ${f.log}, or raise CLEW_NEO4J_START_TIMEOUT_MS.`,
  );
}

/** The launcher prints one CLEW_NEO4J_ERROR sentence for the failures it recognises. */
async function launcherFailure(logFile: string): Promise<string> {
  const text = existsSync(logFile) ? await readFile(logFile, 'utf8') : '';
  const known = [...text.matchAll(/CLEW_NEO4J_ERROR (.*)/g)].pop()?.[1];
  if (known) return known;
  const lastLines = text.trim().split('\n').slice(-5).join('\n');
  return `The Neo4j launcher exited before it was ready; see ${logFile}:\n${lastLines}`;
}

export async function stopLocal(local: LocalConfig, timeoutMs = 60000): Promise<boolean> {
  const f = files(local.home);
  const pid = await readPid(f.pid);
  if (pid === undefined || !processAlive(pid)) {
    await rm(f.pid, { force: true });
    await rm(f.ready, { force: true });
    return false;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (processAlive(pid) && Date.now() < deadline) await sleep(200);
  if (processAlive(pid)) process.kill(pid, 'SIGKILL');
  await rm(f.pid, { force: true });
  await rm(f.ready, { force: true });
  return true;
}

export async function localCredentials(local: LocalConfig): Promise<LocalCredentials> {
  const file = files(local.home).credentials;
  if (!existsSync(file)) {
    throw new LocalNeo4jError(`The managed Neo4j has no credentials file at ${file} yet; run npm run db:start.`);
  }
  const [user = 'neo4j', password = ''] = (await readFile(file, 'utf8')).split('\n');
  return { uri: `bolt://${local.host}:${local.port}`, user, password };
}

async function readPid(file: string): Promise<number | undefined> {
  if (!existsSync(file)) return undefined;
  const pid = Number((await readFile(file, 'utf8')).trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function portIsFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
