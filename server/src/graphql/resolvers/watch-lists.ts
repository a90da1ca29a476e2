import { randomBytes } from 'node:crypto';
import type { IResolvers } from 'mercurius';
import { cypher } from '../../db/cypher-files.js';
import { toPlain } from '../../db/neo4j-values.js';
import { BadUserInput, NotFound } from '../../errors.js';
import { PHONE } from '../../ingest/normalize-record.js';
import { residentIdProblem } from '../../ingest/resident-id.js';
import { normalizeDate } from '../../ingest/time-values.js';
import { countWatchListMembers, findWatchLists, listWatchEntries, saveWatchList, type GroupRule, type WatchList } from '../../techniques/collision/watch-lists.js';
import { cstText, idArg, wholeArg } from '../../techniques/technique-arguments.js';
import { actorOf } from '../../techniques/technique-runs.js';
import type { ClewContext } from '../context.js';

const ENTRY_ADD = cypher('techniques/watch-entry-add');
const ENTRY_REMOVE = cypher('techniques/watch-entry-remove');

type Maybe<T> = T | null | undefined;

interface WatchEntryInput {
  list: string;
  idNumber?: Maybe<string>;
  phone?: Maybe<string>;
  plate?: Maybe<string>;
  name?: Maybe<string>;
  birthDate?: Maybe<string>;
  note?: Maybe<string>;
}

const watchListOut = (l: WatchList) => ({ ...l, updatedAt: l.updatedAt === null ? null : cstText(l.updatedAt) });

const entryOut = (e: Record<string, unknown>) => ({ ...e, addedAt: typeof e.addedAt === 'number' ? cstText(e.addedAt) : null });

/** Text of an optional input field: trimmed, null when empty; refused beyond `max` characters. */
function optionalText(field: string, value: Maybe<string>, max: number): string | null {
  const text = value?.trim() ?? '';
  if (text.length > max) throw new BadUserInput(field, `must be at most ${max} characters`, `最多 ${max} 个字`);
  return text === '' ? null : text;
}

/**
 * An entry is compared with records by its identifiers, so each must be one a record could
 * carry: the same rules as the importer's (a resident ID with its check character, a phone
 * number, a plate), or the comparison would silently never match.
 */
function checkedEntry(i: WatchEntryInput) {
  const idNumber = optionalText('input.idNumber', i.idNumber, 18)?.toUpperCase() ?? null;
  const phone = optionalText('input.phone', i.phone, 20);
  const plate = optionalText('input.plate', i.plate, 20)?.toUpperCase() ?? null;
  const name = optionalText('input.name', i.name, 100);
  const birthDate = optionalText('input.birthDate', i.birthDate, 10);
  const note = optionalText('input.note', i.note, 2000);
  if (!idNumber && !phone && !plate && !(name && birthDate)) throw new BadUserInput('input', 'give a resident ID, a phone, a plate, or a name with a birth date', '请填写身份证号、手机号、车牌号，或姓名加出生日期');
  const idProblem = idNumber ? residentIdProblem(idNumber) : undefined;
  if (idProblem) throw new BadUserInput('input.idNumber', idProblem.en, idProblem.zh);
  if (phone && !PHONE.test(phone)) throw new BadUserInput('input.phone', `"${phone}" is not a phone number`, `“${phone}”不是手机号码`);
  if (birthDate && !normalizeDate(birthDate)) throw new BadUserInput('input.birthDate', 'must be a real date such as 1985-05-14', '应为真实存在的日期，例如 1985-05-14');
  return { list: i.list, idNumber, phone, plate, name, birthDate, note };
}

/** Both counts come from one query per list in an answer, whichever fields ask. */
const counted = new WeakMap<WatchList, Promise<{ tagged: number; entries: number }>>();
function membersOf(list: WatchList, ctx: ClewContext): Promise<{ tagged: number; entries: number }> {
  let counts = counted.get(list);
  if (!counts) counted.set(list, (counts = ctx.graph.read((tx) => countWatchListMembers(tx, list.name))));
  return counts;
}

/** The watch-lists of batch collision (批量比对碰撞): their settings, group rules and explicit entries. */
export const watchListResolvers: IResolvers<unknown, ClewContext> = {
  Query: {
    watchLists: async (_root, _a, ctx) => (await ctx.graph.read((tx) => findWatchLists(tx, null))).map(watchListOut),
    watchEntries: async (_root, a: { list: string; first?: Maybe<number>; offset?: Maybe<number> }, ctx) => {
      const page = await ctx.graph.read((tx) => listWatchEntries(tx, idArg('list', a.list), wholeArg('offset', a.offset, 0, 0, 1_000_000), wholeArg('first', a.first, 50, 1, 500)));
      if (!page) throw new NotFound('WatchList', a.list);
      return { total: page.total, entries: page.entries.map(entryOut) };
    },
  },
  WatchList: {
    taggedPersons: async (l, _a, ctx) => (await membersOf(l as WatchList, ctx)).tagged,
    entryCount: async (l, _a, ctx) => (await membersOf(l as WatchList, ctx)).entries,
  },
  Mutation: {
    saveWatchList: async (_root, a: { input: { name: string; title: string; description?: Maybe<string>; singleHits?: Maybe<string>; singleDeadlineMinutes?: Maybe<number>; rules: GroupRule[]; active?: Maybe<boolean> } }, ctx) => {
      const i = a.input;
      if (!/^[A-Z][A-Z0-9_]{1,40}$/.test(i.name)) throw new BadUserInput('input.name', 'must be the tag persons carry, in capitals, e.g. DRUG_USER', '应为人员所带的标签，大写字母，例如 DRUG_USER');
      if (i.singleHits && !['ORDER', 'NOTE'].includes(i.singleHits)) throw new BadUserInput('input.singleHits', 'must be ORDER or NOTE', '应为 ORDER（下发核查指令）或 NOTE（仅记录）');
      const rules = i.rules.map((r, n) => {
        if (!['STATION', 'LOCATION'].includes(r.scope)) throw new BadUserInput(`input.rules[${n}].scope`, 'must be STATION or LOCATION', '应为 STATION（辖区）或 LOCATION（场所）');
        return { ...r, minMembers: wholeArg(`input.rules[${n}].minMembers`, r.minMembers, 3, 2, 1000), windowHours: wholeArg(`input.rules[${n}].windowHours`, Math.round(r.windowHours), 24, 1, 24 * 31), deadlineMinutes: wholeArg(`input.rules[${n}].deadlineMinutes`, r.deadlineMinutes, 60, 5, 60 * 24 * 30), locationTypes: r.locationTypes ?? [] };
      });
      const saved = await ctx.graph.write((tx) =>
        saveWatchList(tx, {
          name: i.name,
          title: i.title,
          description: i.description ?? '',
          singleHits: i.singleHits === 'ORDER' ? 'ORDER' : 'NOTE',
          singleDeadlineMinutes: wholeArg('input.singleDeadlineMinutes', i.singleDeadlineMinutes, 240, 5, 60 * 24 * 30),
          rules,
          active: i.active ?? true,
          updatedBy: actorOf(ctx.principal).name,
          updatedAt: ctx.clock(),
        }),
      );
      return watchListOut(saved);
    },
    addWatchEntry: async (_root, a: { input: WatchEntryInput }, ctx) => {
      const entry = { ...checkedEntry(a.input), id: `WE-${randomBytes(4).toString('hex')}`, addedBy: actorOf(ctx.principal).name, addedAt: ctx.clock() };
      const r = await ctx.graph.write((tx) => tx.run(ENTRY_ADD, { entry }));
      if (r.records.length === 0) throw new BadUserInput('input.list', `no watch-list named ${a.input.list}`, `没有名为 ${a.input.list} 的布控名单`);
      return entryOut(toPlain(r.records[0]!.get('entry')) as Record<string, unknown>);
    },
    removeWatchEntry: async (_root, a: { id: string }, ctx) => {
      const r = await ctx.graph.write((tx) => tx.run(ENTRY_REMOVE, { id: idArg('id', a.id) }));
      return Number(r.records[0]?.get('removed') ?? 0) > 0;
    },
  },
};
