import { mkdtemp, rm, writeFile, chmod } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../server/src/config.js';
import neo4j from 'neo4j-driver';
import { localCredentials, localStatus, startLocal, stopLocal } from '../../server/src/local-neo4j/server-process.js';

/**
 * The managed Neo4j's failure modes, each on its own data folder and port so the shared
 * test database is never touched. Each case that starts a JVM takes ~10 s.
 */
const homes: string[] = [];
async function localConfig(port: number): Promise<Config['local']> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'clew-local-test-'));
  homes.push(home);
  return { ...loadConfig().local, home, port, heap: '512m', pageCache: '64m', startTimeoutMs: 90_000 };
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

afterAll(async () => {
  for (const home of homes) await rm(home, { recursive: true, force: true });
});

describe('the managed local Neo4j', () => {
  it('says in one sentence that the port is taken, with the fix', async () => {
    const blocker = net.createServer();
    const port = await freePort();
    await new Promise<void>((r) => blocker.listen(port, '127.0.0.1', r));
    try {
      await expect(startLocal(await localConfig(port))).rejects.toThrow(new RegExp(`Port ${port} .*already taken.*CLEW_NEO4J_PORT`));
    } finally {
      blocker.close();
    }
  });

  it('clears a stale pid file, starts, reports status, refuses a second server on the same data folder, and stops', async () => {
    const local = await localConfig(await freePort());
    await writeFile(path.join(local.home, 'launcher.pid'), '999999'); // a process that does not exist
    expect((await localStatus(local)).running).toBe(false);
    expect(await startLocal(local)).toBe(true);
    try {
      const status = await localStatus(local);
      expect(status).toMatchObject({ running: true, ready: true });
      expect(await startLocal(local)).toBe(false); // already running: nothing started

      // Another launcher on the same data folder (a different port, bypassing our pid check).
      const other = { ...local, port: await freePort() };
      await rm(path.join(local.home, 'launcher.pid'));
      await expect(startLocal(other)).rejects.toThrow(/locked by another Neo4j process/);
      await writeFile(path.join(local.home, 'launcher.pid'), String(status.pid));
    } finally {
      expect(await stopLocal(local)).toBe(true);
    }
    expect((await localStatus(local)).running).toBe(false);
  });

  it('starts again on a deleted data folder whose credentials file was kept, keeps transaction logs bounded, and applies an operator settings file', async () => {
    const base = await localConfig(await freePort());
    const settingsFile = path.join(base.home, 'extra.conf');
    await writeFile(settingsFile, '# an operator tuning the managed server\ndb.lock.acquisition.timeout=7s\n');
    const local = { ...base, txLogKeep: '100M size', settingsFile };
    const ask = async (query: string, database = 'neo4j') => {
      const { uri, user, password } = await localCredentials(local);
      const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
      try {
        return (await driver.executeQuery(query, {}, { database })).records.map((r) => r.toObject());
      } finally {
        await driver.close();
      }
    };
    await startLocal(local);
    try {
      expect(await ask(`SHOW SETTINGS YIELD name, value WHERE name = 'db.tx_log.rotation.retention_policy' RETURN value`, 'system')).toEqual([{ value: '100M size' }]);
      expect(await ask(`SHOW SETTINGS YIELD name, value WHERE name = 'db.lock.acquisition.timeout' RETURN value`, 'system')).toEqual([{ value: '7s' }]);
    } finally {
      await stopLocal(local);
    }
    // What a user does to start afresh: the data goes, the credentials file stays.
    await rm(path.join(local.home, 'data'), { recursive: true });
    await startLocal(local);
    try {
      expect(await ask('RETURN 1 AS ok')).toEqual([{ ok: neo4j.int(1) }]);
    } finally {
      await stopLocal(local);
    }
  });

  it('names an operator settings file that cannot be read or applied, and a JVM option the JVM refuses', async () => {
    const missing = { ...(await localConfig(await freePort())), settingsFile: '/nonexistent/clew.conf' };
    await expect(startLocal(missing)).rejects.toThrow('CLEW_NEO4J_CONF names /nonexistent/clew.conf, which cannot be read; correct the path or unset CLEW_NEO4J_CONF.');

    const base = await localConfig(await freePort());
    const settingsFile = path.join(base.home, 'bad.conf');
    await writeFile(settingsFile, 'db.no_such_setting=1\n');
    await expect(startLocal({ ...base, settingsFile })).rejects.toThrow(/settings in .*bad\.conf \(CLEW_NEO4J_CONF\) could not be applied: .*no_such_setting.*correct the file or unset CLEW_NEO4J_CONF/);
    expect((await localStatus(base)).running).toBe(false);

    const badOption = { ...(await localConfig(await freePort())), javaOptions: ['-XX:+NoSuchClewOption'] };
    await expect(startLocal(badOption)).rejects.toThrow(/exited before it was ready[\s\S]*NoSuchClewOption/);
  });

  it('names the Java version problem and the fix', async () => {
    const fakeHome = await mkdtemp(path.join(os.tmpdir(), 'clew-fake-java-'));
    homes.push(fakeHome);
    await writeFile(path.join(fakeHome, 'java'), '#!/bin/sh\necho \'openjdk version "11.0.2"\' >&2\n');
    await chmod(path.join(fakeHome, 'java'), 0o755);
    const saved = process.env.JAVA_HOME;
    const { mkdir, rename } = await import('node:fs/promises');
    await mkdir(path.join(fakeHome, 'bin'));
    await rename(path.join(fakeHome, 'java'), path.join(fakeHome, 'bin', 'java'));
    process.env.JAVA_HOME = fakeHome;
    try {
      await expect(startLocal(await localConfig(await freePort()))).rejects.toThrow(/Java 11 was found but Neo4j 5.26 needs Java 17/);
    } finally {
      if (saved === undefined) delete process.env.JAVA_HOME;
      else process.env.JAVA_HOME = saved;
    }
  });
});
