import { describe, expect, it } from 'vitest';
import { loadConfig, usesManagedDatabase } from '../../server/src/config.js';

describe('configuration', () => {
  it('defaults to the managed local database on loopback', () => {
    const c = loadConfig({ HOME: '/home/x' });
    expect(usesManagedDatabase(c)).toBe(true);
    expect(c.local.host).toBe('127.0.0.1');
    expect(c.local.port).toBe(7687);
    expect(c.local.cacheDir).toBe('/home/x/.cache/clew');
    expect(c.graphiql).toBe(false);
    expect(c.graphqlJit).toBe(true);
    expect(loadConfig({ HOME: '/home/x', CLEW_GRAPHQL_JIT: 'off' }).graphqlJit).toBe(false);
  });

  it('uses an external Neo4j when NEO4J_URI is given', () => {
    const c = loadConfig({ NEO4J_URI: 'neo4j://cluster:7687', NEO4J_USER: 'clew', NEO4J_PASSWORD: 's', NEO4J_DATABASE: 'county' });
    expect(usesManagedDatabase(c)).toBe(false);
    expect(c.neo4j).toMatchObject({ uri: 'neo4j://cluster:7687', user: 'clew', password: 's', database: 'county' });
  });

  it('names the variable that holds a bad value', () => {
    expect(() => loadConfig({ CLEW_NEO4J_PORT: 'seventy' })).toThrow(/CLEW_NEO4J_PORT/);
    expect(() => loadConfig({ CLEW_PORT: '70000' })).toThrow(/CLEW_PORT/);
  });

  it("takes the managed Neo4j's extra settings file and JVM options, and none when they are unset or empty", () => {
    const c = loadConfig({ CLEW_NEO4J_CONF: '/etc/clew/neo4j.conf', CLEW_NEO4J_JAVA_OPTS: ' -Xlog:gc  -XX:+AlwaysPreTouch ' });
    expect(c.local.settingsFile).toBe('/etc/clew/neo4j.conf');
    expect(c.local.javaOptions).toEqual(['-Xlog:gc', '-XX:+AlwaysPreTouch']);
    for (const env of [{}, { CLEW_NEO4J_CONF: '', CLEW_NEO4J_JAVA_OPTS: '' }]) {
      expect(loadConfig(env).local.settingsFile).toBeUndefined();
      expect(loadConfig(env).local.javaOptions).toEqual([]);
    }
  });

  it('has no default password', () => {
    expect(loadConfig({}).neo4j.password).toBe('');
  });
});
