import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

/** An activity is recognised by a stack frame containing one of these texts. */
export interface Activity {
  name: string;
  frames: string[];
}

/**
 * What Neo4j's Bolt workers do while an import writes, from the outermost meaning inwards: a
 * sample counts once, under the first activity in this list that its stack shows (so the index
 * writes made during a commit count as index writes, not as the commit).
 */
export const NEO4J_WRITE_ACTIVITIES: Activity[] = [
  { name: 'full-text indexes (Lucene)', frames: ['org.apache.lucene.', '.fulltext.'] },
  { name: 'uniqueness check of a created node or tie', frames: ['validateNoExistingNodeWithExactValues', 'validateNoExistingRelWithExactValues'] },
  { name: "MERGE's locking look-up", frames: ['nodeLockingUniqueIndexSeek'] },
  { name: 'other index look-ups (MATCH)', frames: ['IndexSeek'] },
  { name: 'range, point and key index writes at commit', frames: ['GBPTreeWriter', 'IndexUpdatesExtractor', 'OnlineIndexUpdates'] },
  { name: 'store records and log at commit', frames: ['applyToStore', 'extractCommands', 'TransactionRecordState', 'LogEntryWriter', 'TransactionLogWriter'] },
  { name: 'locks', frames: ['ForsetiClient'] },
  { name: 'query planning', frames: ['cypher.internal.compiler', 'cypher.internal.planner', 'cypher.internal.frontend'] },
  { name: 'Cypher creating and setting in the transaction', frames: ['cypher.internal.runtime'] },
];

// a type, not an interface: printTable takes it as a plain record
export type ActivityShare = {
  activity: string;
  samples: number;
  share: string;
};

/**
 * The execution samples of a Java Flight Recorder recording, of the threads whose names match
 * `threads`, counted by activity. Reads the JDK's `jfr print` line by line: a recording of a
 * few minutes prints some 100 MB of text.
 */
export async function activityShares(recording: string, threads: RegExp, activities: Activity[]): Promise<ActivityShare[]> {
  const jfr = spawn('jfr', ['print', '--events', 'jdk.ExecutionSample', '--stack-depth', '128', recording], { stdio: ['ignore', 'pipe', 'inherit'] });
  const counts = new Map<string, number>();
  let thread = '';
  let frames: string[] | null = null;
  for await (const line of createInterface({ input: jfr.stdout })) {
    if (line.startsWith('jdk.ExecutionSample')) frames = null;
    else if (line.includes('sampledThread = ')) thread = line.split('"')[1] ?? '';
    else if (line.startsWith('  stackTrace = [')) frames = [];
    else if (line.startsWith('  ]') && frames) {
      if (threads.test(thread)) {
        const activity = activities.find((a) => frames!.some((f) => a.frames.some((text) => f.includes(text))))?.name ?? 'other';
        counts.set(activity, (counts.get(activity) ?? 0) + 1);
      }
      frames = null;
    } else if (frames) frames.push(line);
  }
  const [code] = (await once(jfr, 'close')) as [number | null];
  if (code !== 0) throw new Error(`jfr print ${recording} ended with code ${code}`);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return [...activities.map((a) => a.name), 'other'].map((activity) => {
    const samples = counts.get(activity) ?? 0;
    return { activity, samples, share: `${((100 * samples) / Math.max(1, total)).toFixed(1)} %` };
  });
}
