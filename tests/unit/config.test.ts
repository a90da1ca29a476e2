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

  it('has no default password', () => {
    expect(loadConfig({}).neo4j.password).toBe('');
  });
});
