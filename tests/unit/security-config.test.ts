import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';

describe('security configuration', () => {
  it('defaults to 30 minutes idle, lockout at 5 failures in 15 minutes, a year of audit, introspection off', () => {
    const s = loadConfig({}).security;
    expect(s).toMatchObject({ sessionIdleMinutes: 30, lockoutThreshold: 5, lockoutWindowMinutes: 15, auditRetentionDays: 365, introspection: false, corsOrigins: [] });
  });

  it('refuses an audit retention under 365 days, naming the variable', () => {
    expect(() => loadConfig({ CLEW_AUDIT_RETENTION_DAYS: '30' })).toThrow(/CLEW_AUDIT_RETENTION_DAYS/);
    expect(loadConfig({ CLEW_AUDIT_RETENTION_DAYS: '730' }).security.auditRetentionDays).toBe(730);
  });

  it('reads the CORS allow-list and lets introspection follow GraphiQL unless set on its own', () => {
    expect(loadConfig({ CLEW_CORS_ORIGINS: 'https://a.example, https://b.example' }).security.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(loadConfig({ CLEW_GRAPHIQL: 'true' }).security.introspection).toBe(true);
    expect(loadConfig({ CLEW_GRAPHIQL: 'true', CLEW_INTROSPECTION: 'false' }).security.introspection).toBe(false);
  });
});
