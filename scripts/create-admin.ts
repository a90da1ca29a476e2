/**
 * npm run user:create-admin -- --username NAME [--unit dept:intel] [--display-name 名字]
 *
 * Creates an administrator, the way the first one comes to exist: there is no default
 * account or password anywhere. The password is read from CLEW_ADMIN_PASSWORD, else from
 * standard input when it is not a terminal (`… < file`), else asked for twice at a hidden
 * prompt. It must be at least 12 characters and not contain the user name.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { ClewError } from '../server/src/errors.js';
import { accountSettings } from '../server/src/security/accounts/account-settings.js';
import { createUser } from '../server/src/security/accounts/user-admin.js';
import { systemClock } from '../server/src/security/clock.js';
import { withDatabase } from './cli-database.js';

async function readHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  process.stderr.write(question);
  muted = true;
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  muted = false;
  process.stderr.write('\n');
  rl.close();
  return answer;
}

async function readPassword(): Promise<string> {
  if (process.env.CLEW_ADMIN_PASSWORD) return process.env.CLEW_ADMIN_PASSWORD;
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    return text.split(/\r?\n/)[0] ?? '';
  }
  const first = await readHidden('Password for the new administrator: ');
  const second = await readHidden('The same again: ');
  if (first !== second) throw new Error('The two passwords differ; nothing was created.');
  return first;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { username: { type: 'string' }, unit: { type: 'string' }, 'display-name': { type: 'string' } } });
  if (!values.username) {
    console.error('usage: npm run user:create-admin -- --username NAME [--unit dept:intel] [--display-name 名字]');
    process.exitCode = 2;
    return;
  }
  const password = await readPassword();
  const user = await withDatabase((graph, config) =>
    createUser(
      { graph, clock: systemClock, settings: accountSettings(config) },
      { username: values.username!, password, role: 'ADMINISTRATOR', unit: values.unit ?? 'dept:intel', displayName: values['display-name'] ?? null },
      'command-line',
    ),
  );
  console.log(`Administrator ${user.username} (${user.unit}) created; sign in with signIn, then create the other accounts with createUser.`);
}

main().catch((e: unknown) => {
  console.error(e instanceof ClewError || e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
