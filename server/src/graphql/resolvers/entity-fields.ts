import type { MercuriusLoaders } from 'mercurius';
import { findInvolvements, findLocations, findRegions, findStationsOfLocations, type Props } from '../../link/entity-repository.js';
import type { ClewContext } from '../context.js';
import { locationOut, personOut } from '../records.js';

/**
 * Fields that need another look-up are loaders: a page of cases asks for all their
 * involvements and places in one query each, returned in input order.
 */
const REGION_CODE = /^\d{6}$/;

/** The names of regions given by code, in input order; null where a value is no code (an address) or no region has it. */
async function regionNames(ctx: ClewContext, values: unknown[]): Promise<(string | null)[]> {
  const codes = values.map((v) => (typeof v === 'string' && REGION_CODE.test(v) ? v : ''));
  if (!codes.some(Boolean)) return codes.map(() => null);
  const regions = await ctx.graph.read((tx) => findRegions(tx, codes));
  return regions.map((r) => (typeof r?.name === 'string' ? r.name : null));
}

export const entityLoaders: MercuriusLoaders<ClewContext> = {
  Case: {
    involvements: async (queries: { obj: Props }[], ctx) => {
      const rows = await ctx.graph.read((tx) => findInvolvements(tx, queries.map((q) => String(q.obj.id))));
      return rows.map((list) => list.map((r) => ({ ...r, person: personOut(r.person) })));
    },
    location: async (queries: { obj: Props }[], ctx) => {
      const ids = queries.map((q) => (typeof q.obj.location === 'string' ? q.obj.location : ''));
      const wanted = ids.filter(Boolean);
      const found = wanted.length > 0 ? await ctx.graph.read((tx) => findLocations(tx, ids)) : ids.map(() => null);
      return found.map((l) => locationOut(l));
    },
    regionName: (queries: { obj: Props }[], ctx) => regionNames(ctx, queries.map((q) => q.obj.region)),
  },
  Person: {
    originName: (queries: { obj: Props }[], ctx) => regionNames(ctx, queries.map((q) => q.obj.origin)),
    residenceName: (queries: { obj: Props }[], ctx) => regionNames(ctx, queries.map((q) => q.obj.residence)),
  },
  Location: {
    station: async (queries: { obj: Props }[], ctx) => {
      const stations = await ctx.graph.read((tx) => findStationsOfLocations(tx, queries.map((q) => String(q.obj.id))));
      return stations.map((s) => (s ? { ...s } : null));
    },
    regionName: (queries: { obj: Props }[], ctx) => regionNames(ctx, queries.map((q) => q.obj.region)),
  },
};

