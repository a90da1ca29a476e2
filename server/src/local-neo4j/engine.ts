import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '../repo-root.js';

const run = promisify(execFile);

export const LAUNCHER_DIR = path.join(repoRoot, 'neo4j-local');
const POM = path.join(LAUNCHER_DIR, 'pom.xml');
const LAUNCHER_SOURCE = path.join(LAUNCHER_DIR, 'src', 'ClewNeo4jLauncher.java');

export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}

export interface Engine {
  java: string;
  classpath: string;
  version: string;
}

/** The Neo4j version pinned in neo4j-local/pom.xml: the one place it is written. */
export async function pinnedNeo4jVersion(): Promise<string> {
  const pom = await readFile(POM, 'utf8');
  const match = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(pom);
  if (!match?.[1]) throw new LocalNeo4jError(`neo4j-local/pom.xml names no <neo4j.version>.`);
  return match[1];
}

/**
 * Resolves the Neo4j jars with Maven (into ~/.m2, outside the git tree) and compiles the
 * launcher, once per pom + launcher content; later calls reuse the cached result.
 */
export async function resolveEngine(cacheDir: string): Promise<Engine> {
  const java = await findJava();
  const version = await pinnedNeo4jVersion();
  const key = createHash('sha256')
    .update(await readFile(POM))
    .update(await readFile(LAUNCHER_SOURCE))
    .digest('hex')
    .slice(0, 16);
  const dir = path.join(cacheDir, `neo4j-${version}-${key}`);
  const classpathFile = path.join(dir, 'classpath.txt');
  const classesDir = path.join(dir, 'classes');
  if (!existsSync(classpathFile) || !existsSync(path.join(classesDir, 'ClewNeo4jLauncher.class'))) {
    await mkdir(dir, { recursive: true });
    const mvn = await findMaven();
    const tmp = `${classpathFile}.tmp`;
    try {
      await run(mvn, ['-q', '-B', '-f', POM, 'dependency:build-classpath', `-Dmdep.outputFile=${tmp}`], {
        maxBuffer: 16 * 1024 * 1024,
      });
    } catch (e) {
      throw new LocalNeo4jError(
        `Maven could not resolve Neo4j ${version} from Maven Central (${firstLine(e)}); check the network access to Maven Central and run npm run db:start again.`,
      );
    }
    const jars = (await readFile(tmp, 'utf8')).trim();
    const javac = path.join(path.dirname(java), 'javac');
    try {
      await run(existsSync(javac) ? javac : 'javac', ['-cp', jars, '-d', classesDir, LAUNCHER_SOURCE]);
    } catch (e) {
      throw new LocalNeo4jError(`Compiling the Neo4j launcher failed (${firstLine(e)}); install a full JDK 17+ (javac).`);
    }
    await rename(tmp, classpathFile);
  }
  const jars = (await readFile(classpathFile, 'utf8')).trim();
  return { java, version, classpath: `${classesDir}${path.delimiter}${jars}` };
}

async function findJava(): Promise<string> {
  const candidates = [process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : '', 'java'].filter(Boolean);
  for (const java of candidates) {
    try {
      const { stderr, stdout } = await run(java, ['-version']);
      const text = `${stderr}${stdout}`;
      const major = Number(/version "(\d+)/.exec(text)?.[1] ?? 0);
      if (major >= 17) return java;
      throw new LocalNeo4jError(
        `Java ${major} was found but Neo4j 5.26 needs Java 17 or 21; install OpenJDK 17 (apt-get install openjdk-17-jdk-headless) or set JAVA_HOME.`,
      );
    } catch (e) {
      if (e instanceof LocalNeo4jError) throw e;
    }
  }
  throw new LocalNeo4jError(
    'Java was not found; install OpenJDK 17 (apt-get install openjdk-17-jdk-headless) or set JAVA_HOME, or set NEO4J_URI to use an existing Neo4j.',
  );
}

async function findMaven(): Promise<string> {
  try {
    await run('mvn', ['-v']);
    return 'mvn';
  } catch {
    throw new LocalNeo4jError(
      'Maven was not found; install it (apt-get install maven) so Clew can fetch Neo4j from Maven Central, or set NEO4J_URI to use an existing Neo4j.',
    );
  }
}

function firstLine(e: unknown): string {
  const err = e as { stderr?: string; message?: string };
  return (err.stderr || err.message || String(e)).trim().split('\n')[0] ?? 'unknown error';
}

