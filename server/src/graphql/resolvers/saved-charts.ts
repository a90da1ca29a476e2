import type { IResolvers } from 'mercurius';
import { checkChartState } from '../../charts/chart-state.js';
import { deleteChart, findChart, listCharts, saveChart, type ChartReader, type SavedChart } from '../../charts/saved-charts.js';
import { BadUserInput, NotFound } from '../../errors.js';
import { graphIdsArg, intArg } from '../../link/arguments.js';
import { readElements } from '../../link/elements-by-id.js';
import { CASE_NUMBER } from '../../security/purpose.js';
import { cstText, idArg } from '../../techniques/technique-arguments.js';
import type { ClewContext } from '../context.js';
import { signedInUser } from './auth.js';

type Maybe<T> = T | null | undefined;

const chartOut = (c: SavedChart) => ({ ...c, createdAt: cstText(c.createdAt), updatedAt: cstText(c.updatedAt) });

function readerOf(ctx: ClewContext): ChartReader {
  const user = signedInUser(ctx.principal);
  return { owner: user.username, unit: user.unit };
}

function titleArg(value: string): string {
  const title = value.trim();
  if (title === '' || title.length > 100) throw new BadUserInput('input.title', 'must be a title of 1 to 100 characters', '应为 1 到 100 个字的标题');
  return title;
}

/** The words a chart list is narrowed by, lower case; none for no text. */
function filterWords(text: Maybe<string>): string[] {
  const value = text ?? '';
  if (value.length > 100) throw new BadUserInput('text', 'is longer than 100 characters', '超过 100 个字符');
  return value.trim().toLowerCase().split(/\s+/).filter(Boolean);
}

function caseNumberArg(value: Maybe<string>): string | null {
  const text = value?.trim() ?? '';
  if (text === '') return null;
  if (!CASE_NUMBER.test(text)) throw new BadUserInput('input.caseNumber', 'must be 4 to 64 letters, digits and brackets, e.g. A3209822026030001', '应为 4 到 64 个字母、数字或括号，例如 A3209822026030001');
  return text;
}

/** Saved charts: an investigator's own, and those their unit shared; their elements read again when opened. */
export const savedChartResolvers: IResolvers<unknown, ClewContext> = {
  Query: {
    savedCharts: async (_root, a: { first?: Maybe<number>; offset?: Maybe<number>; text?: Maybe<string> }, ctx) => {
      const request = { offset: intArg('offset', a.offset, 0, 0, 100_000), first: intArg('first', a.first, 50, 1, 200), words: filterWords(a.text) };
      const page = await ctx.graph.read((tx) => listCharts(tx, readerOf(ctx), request));
      return { totalCount: page.total, items: page.charts.map(chartOut) };
    },
    savedChart: async (_root, a: { id: string }, ctx) => {
      const chart = await ctx.graph.read((tx) => findChart(tx, idArg('id', a.id), readerOf(ctx)));
      return chart ? chartOut(chart) : null;
    },
    chartElements: async (_root, a: { nodeIds: string[]; edgeIds?: Maybe<string[]> }, ctx) => {
      const { maxNodes, maxEdges } = ctx.config.export;
      const nodeIds = graphIdsArg('nodeIds', a.nodeIds, maxNodes);
      const edgeIds = a.edgeIds ? [...new Set(a.edgeIds)] : null;
      if (edgeIds && edgeIds.length > maxEdges) throw new BadUserInput('edgeIds', `names ${edgeIds.length} ties; at most ${maxEdges} are read at once`, `共 ${edgeIds.length} 条关系，一次最多 ${maxEdges} 条`);
      return ctx.graph.read((tx) => readElements(tx, nodeIds, edgeIds), { metadata: { op: 'chartElements' } });
    },
  },
  Mutation: {
    saveChart: async (_root, a: { input: { id?: Maybe<string>; title: string; caseNumber?: Maybe<string>; shared?: Maybe<boolean>; state: unknown } }, ctx) => {
      const { maxNodes, maxEdges } = ctx.config.export;
      const input = a.input;
      const chart = {
        id: input.id ? idArg('input.id', input.id) : null,
        title: titleArg(input.title),
        caseNumber: caseNumberArg(input.caseNumber),
        shared: input.shared === true,
        state: checkChartState(input.state, { maxNodes, maxEdges }),
      };
      const saved = await ctx.graph.write((tx) => saveChart(tx, chart, readerOf(ctx), ctx.clock()));
      // Another user's chart is not theirs to overwrite: to them it is as if it did not exist.
      if (!saved) throw new NotFound('SavedChart', chart.id ?? '');
      return chartOut(saved);
    },
    deleteSavedChart: async (_root, a: { id: string }, ctx) => {
      const id = idArg('id', a.id);
      if (!(await ctx.graph.write((tx) => deleteChart(tx, id, readerOf(ctx).owner)))) throw new NotFound('SavedChart', id);
      return true;
    },
  },
};
