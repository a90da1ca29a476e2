import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';
import type { Graph } from '../db/graph.js';
import { accountSettings } from '../security/accounts/account-settings.js';
import { createUser } from '../security/accounts/user-admin.js';
import { listUsers } from '../security/accounts/user-repository.js';
import { systemClock } from '../security/clock.js';
import type { Role } from '../security/roles.js';
import type { Log } from '../startup.js';

const DEMO_ACCOUNTS: { username: string; role: Role; unit: string; displayName: string }[] = [
  { username: 'demo-analyst', role: 'ANALYST', unit: 'dept:intel', displayName: '研判民警（演示）' },
  { username: 'demo-officer-xc', role: 'STATION_OFFICER', unit: 'Station:S-XC', displayName: '新城派出所民警（演示）' },
  { username: 'demo-supervisor', role: 'SUPERVISOR', unit: 'dept:inspection', displayName: '督察（演示）' },
];

/**
 * The demo county comes with demo accounts so that `npm start` on a fresh machine gives a
 * page one can sign in to. There is still no default password: each account gets a random
 * one, made once for this installation and written only to a file beside the local
 * database (mode 600), like an installer's first-run password. Only for the managed demo
 * database, and only while it has no users at all.
 */
export async function ensureDemoAccounts(graph: Graph, config: Config, log: Log): Promise<void> {
  const file = path.join(path.dirname(config.local.home), 'demo-accounts.txt');
  const users = await graph.read((tx) => listUsers(tx));
  if (users.length > 0) {
    if (existsSync(file)) log(`demo accounts: see ${file}`);
    return;
  }
  const deps = { graph, clock: systemClock, settings: accountSettings(config) };
  const lines = ['# Clew demo accounts (random passwords made for this installation; change or delete them)'];
  for (const account of DEMO_ACCOUNTS) {
    const password = randomBytes(12).toString('base64url');
    await createUser(deps, { ...account, password }, 'demo-setup');
    lines.push(`${account.username}\t${password}\t${account.role}\t${account.unit}`);
  }
  await writeFile(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  log(`created demo accounts ${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}; their passwords are in ${file}`);
}
