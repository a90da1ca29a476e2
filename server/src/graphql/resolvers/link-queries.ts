import type { IResolvers } from 'mercurius';
import { cypher } from '../../db/cypher-files.js';
import { toPlain } from '../../db/neo4j-values.js';
import { BadUserInput, NotFound } from '../../errors.js';
import {
  PATH_DEFAULT_TYPES,
  graphIdsArg,
  intArg,
  kindsArg,
  recordIdArg,
  relationTypesArg,
  windowArgs,
} from '../../link/arguments.js';
import { findCases, findLocations, findPersonByIdNumber, findPersons } from '../../link/entity-repository.js';
import { expand } from '../../link/expand-repository.js';
import type { EntityKind } from '../../link/graph-elements.js';
import { findCommonAssociates, findPaths, type PathMode } from '../../link/paths-repository.js';
import { searchEntities } from '../../link/search-repository.js';
import { personTimeline } from '../../link/timeline-repository.js';
import type { ClewContext } from '../context.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { caseOut, edgeProvenance, locationOut, personOut } from '../records.js';
import { FUTURE_TOLERANCE_MS } from '../../ingest/time-values.js';
import { roleZh } from '../../techniques/chinese-words.js';

const MAX_SEARCH_OFFSET = 1000;
const DATA_EXTENT = cypher('link/data-extent');

type Args<T> = T;

export const linkQueryResolvers: IResolvers<unknown, ClewContext> = {
  Query: {
    search: async (_root, args: Args<{ text: string; kinds?: EntityKind[] | null; first?: number | null; after?: string | null }>, ctx) => {
      const text = args.text.trim();
      if (text === '') throw new BadUserInput('text', 'must not be empty', '不能为空');
      if (text.length > 200) throw new BadUserInput('text', `is ${text.length} characters long; at most 200 are accepted`, `共 ${text.length} 个字，最多 200 个`);
      const first = intArg('first', args.first, 20, 1, ctx.config.limits.searchPageMax);
      const offset = decodeCursor('after', args.after, MAX_SEARCH_OFFSET);
      const kinds = kindsArg(args.kinds);
      const page = await ctx.graph.read((tx) => searchEntities(tx, text, kinds, offset, first), { metadata: { op: 'search' } });
      return {
        edges: page.hits.map((node, i) => ({ cursor: encodeCursor(offset + i + 1), node })),
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.hits.length > 0 ? encodeCursor(offset + page.hits.length) : null },
        totalCount: page.totalCount,
      };
    },

    person: async (_root, args: { id: string }, ctx) => {
      const id = recordIdArg('id', args.id);
      const [p] = await ctx.graph.read((tx) => findPersons(tx, [id]));
      if (!p) throw new NotFound('Person', id);
      return personOut(p);
    },

    personByIdNumber: async (_root, args: { idNumber: string }, ctx) => {
      const idNumber = args.idNumber.trim().toUpperCase();
      if (!/^\d{17}[\dX]$/.test(idNumber)) throw new BadUserInput('idNumber', 'must be 17 digits followed by a digit or X', '应为 17 位数字加 1 位数字或 X');
      const p = await ctx.graph.read((tx) => findPersonByIdNumber(tx, idNumber));
      if (!p) throw new NotFound('Person with resident ID', idNumber);
      return personOut(p);
    },

    case: async (_root, args: { id: string }, ctx) => {
      const id = recordIdArg('id', args.id);
      const [c] = await ctx.graph.read((tx) => findCases(tx, [id]));
      if (!c) throw new NotFound('Case', id);
      return caseOut(c);
    },

    location: async (_root, args: { id: string }, ctx) => {
      const id = recordIdArg('id', args.id);
      const [l] = await ctx.graph.read((tx) => findLocations(tx, [id]));
      if (!l) throw new NotFound('Location', id);
      return locationOut(l);
    },

    expand: async (
      _root,
      args: { ids: string[]; depth?: number | null; relationTypes?: string[] | null; from?: string | null; to?: string | null; limit?: number | null; perNodeLimit?: number | null },
      ctx,
    ) => {
      const { limits } = ctx.config;
      const ids = graphIdsArg('ids', args.ids, 200);
      const depth = intArg('depth', args.depth, 1, 1, 3);
      const limit = intArg('limit', args.limit, limits.expandTotal, 1, limits.expandTotal);
      const perNode = intArg('perNodeLimit', args.perNodeLimit, limits.expandPerNode, 1, 1000);
      const types = relationTypesArg(args.relationTypes, null);
      const window = windowArgs(args.from, args.to);
      return ctx.graph.read((tx) => expand(tx, { ids, depth, types, ...window, limit, perNode }), { metadata: { op: 'expand' } });
    },

    paths: async (
      _root,
      args: { from: string; to: string; maxHops?: number | null; mode?: PathMode | null; k?: number | null; relationTypes?: string[] | null },
      ctx,
    ) => {
      const from = recordIdArg('from', args.from);
      const to = recordIdArg('to', args.to);
      if (from === to) throw new BadUserInput('to', 'names the same person as from', '与起点是同一个人');
      const maxHops = intArg('maxHops', args.maxHops, 6, 1, ctx.config.limits.pathsMaxHops);
      const k = intArg('k', args.k, 3, 1, 20);
      const types = relationTypesArg(args.relationTypes, PATH_DEFAULT_TYPES)!;
      const found = await ctx.graph.read((tx) => findPaths(tx, { from, to, maxHops, mode: args.mode ?? 'SHORTEST', k, types }), {
        metadata: { op: 'paths' },
      });
      return {
        subgraph: found.subgraph,
        paths: found.paths.map((p) => ({ ...p, hops: p.hops.map((h) => ({ ...h, edgeId: h.id, provenance: edgeProvenance(h.properties) })) })),
      };
    },

    commonAssociates: async (_root, args: { ids: string[]; maxHops?: number | null; relationTypes?: string[] | null }, ctx) => {
      if (args.ids.length < 2 || args.ids.length > 20) throw new BadUserInput('ids', 'must name 2 to 20 persons', '应指定 2 到 20 个人员');
      const ids = [...new Set(args.ids.map((id) => recordIdArg('ids', id)))];
      const maxHops = intArg('maxHops', args.maxHops, 1, 1, 3);
      const types = relationTypesArg(args.relationTypes, PATH_DEFAULT_TYPES)!;
      const found = await ctx.graph.read((tx) => findCommonAssociates(tx, { ids, maxHops, types, limit: 100 }), {
        metadata: { op: 'commonAssociates' },
      });
      return { subgraph: found.subgraph, associates: found.associates.map((a) => ({ ...a, person: personOut(a.person) })) };
    },

    dataExtent: async (_root, _args, ctx) => {
      const notAfter = new Date(ctx.clock() + FUTURE_TOLERANCE_MS).toISOString();
      const extent = await ctx.graph.read(
        async (tx) => toPlain((await tx.run(DATA_EXTENT, { notAfter })).records[0]?.toObject()) as { newest: string | null; oldest: string | null } | undefined,
      );
      return { newestMovementAt: extent?.newest ?? null, oldestMovementAt: extent?.oldest ?? null };
    },

    timeline: async (_root, args: { personId: string; from?: string | null; to?: string | null; first?: number | null; after?: string | null }, ctx) => {
      const id = recordIdArg('personId', args.personId);
      const window = windowArgs(args.from, args.to);
      const first = intArg('first', args.first, 200, 1, 1000);
      const skip = decodeCursor('after', args.after, 1_000_000);
      const { person, page } = await ctx.graph.read(async (tx) => {
        const [p] = await findPersons(tx, [id]);
        return { person: p, page: p ? await personTimeline(tx, { id, ...window, skip, limit: first }) : null };
      });
      if (!person || !page) throw new NotFound('Person', id);
      return {
        person: personOut(person),
        totalCount: page.total,
        pageInfo: { hasNextPage: skip + page.events.length < page.total, endCursor: page.events.length > 0 ? encodeCursor(skip + page.events.length) : null },
        events: page.events.map((e) => {
          const role = roleOf(e);
          return {
            ...e,
            location: e.location ? locationOut(e.location) : null,
            role,
            summary: summarize(e.kind, e.location?.name as string | undefined, e.counterpart, role),
            provenance: edgeProvenance(e.properties),
          };
        }),
      };
    },
  },
};

/** A case event's role of the person in it (SUSPECT, VICTIM …); null for movements. */
function roleOf(e: { kind: string; properties: Record<string, unknown> }): string | null {
  return e.kind === 'CASE' && typeof e.properties.role === 'string' ? e.properties.role : null;
}

function summarize(kind: string, place: string | undefined, counterpart: string | null, role: string | null): string {
  switch (kind) {
    case 'STAY':
      return `住宿 ${place ?? ''}`.trim();
    case 'LOGIN':
      return `上网 ${place ?? ''}`.trim();
    case 'PASS':
      return `卡口通行 ${counterpart ?? ''} ${place ?? ''}`.trim();
    case 'CALL':
      return `通话 ${counterpart ?? ''}`.trim();
    default:
      return `涉案 ${counterpart ?? ''}${role ? `（${roleZh(role)}）` : ''}`.trim();
  }
}
