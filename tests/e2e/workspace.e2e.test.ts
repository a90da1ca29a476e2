/**
 * The investigator's workspace end to end: the built page (dist/client, `npm run
 * build:client` first) served by the real app, against the real database with the seed
 * county, in Debian's headless Chromium. It walks the seed's first two stories as a user
 * would: sign in, state a purpose, search 李国华, expand, find a path, run associate
 * tracing (建湖 / 建湖宏达大酒店 must come first), run the collision of 27 August and, as
 * the Xincheng station's officer, acknowledge and answer the order. Screenshots go to
 * test-artifacts/.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startJob } from '../../server/src/ingest/import-jobs.js';
import { jobDirectory } from '../../server/src/ingest/import-service.js';
import { residentIdCheckChar } from '../../server/src/ingest/resident-id.js';
import { newJobId } from '../../server/src/ingest/run-import-job.js';
import { repoRoot } from '../../server/src/repo-root.js';
import { accountSettings } from '../../server/src/security/accounts/account-settings.js';
import { createUser } from '../../server/src/security/accounts/user-admin.js';
import { systemClock } from '../../server/src/security/clock.js';
import type { Role } from '../../server/src/security/roles.js';
import { artifactPath, launchBrowser } from '../helpers/browser.js';
import { deleteByPrefix, deleteJobs } from '../helpers/ingest-fixtures.js';
import { forgetStoryOrders } from '../helpers/technique-client.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const STORY = JSON.parse(readFileSync(path.join(repoRoot, 'seed', 'stories.fixture.json'), 'utf8')) as {
  traceAssociates: { name: string; expectedTopTown: string; expectedTopLocationName: string };
  collision: { date: string; orderStation: string };
  highRiskSearch: { origin: string; originName: string; mo: string[]; expectedTopName: string; expectedTopNearCases: number };
};

let app: TestApp;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
/** What the import step writes, removed afterwards. */
const importPrefix = `E2E-IMP-${randomBytes(3).toString('hex')}-`;
const importJobIds: string[] = [];
const users: Record<'analyst' | 'officer' | 'supervisor' | 'admin', { username: string; password: string }> = {} as never;

/** Every account this run makes (the newcomer through the page), removed afterwards with its sessions and keys. */
const usernames: string[] = [];
/** The account the administrator opens through the page, with its first password. */
let newcomerAccount: { username: string; password: string };

async function makeUser(role: Role, unit: string): Promise<{ username: string; password: string }> {
  const username = `e2e-${role.toLowerCase().replace(/_/g, '')}-${randomBytes(3).toString('hex')}`;
  usernames.push(username);
  const password = `Pw-${randomBytes(10).toString('hex')}`;
  await createUser({ graph: app.graph, clock: systemClock, settings: accountSettings(app.config) }, { username, password, role, unit, displayName: null }, 'e2e-tests');
  return { username, password };
}

async function signIn(user: { username: string; password: string }, reason: string): Promise<void> {
  await page.goto(app.url);
  await page.fill('#signin-username', user.username);
  await page.fill('#signin-password', user.password);
  await page.click('.signin-card button[type=submit]');
  // the first look-up of a session needs a purpose: the page asks for it at once
  await page.waitForSelector('#purpose-reason');
  await page.fill('#purpose-reason', reason);
  await page.click('.purpose-dialog button[type=submit]');
  await page.waitForSelector('.purpose-dialog', { state: 'detached' });
}

/** A saved chart's state as the database keeps it, by its title (this run's analyst's). */
async function storedChartState(title: string): Promise<{
  nodes: { id: string; x: number; y: number; pinned?: boolean; group?: string; evidence?: boolean }[];
  edges: { id: string; evidence?: boolean }[];
  groups: { id: string; label: string }[];
  window: { from: number | null; to: number | null } | null;
}> {
  const text = await app.graph.read(async (tx) => (await tx.run('MATCH (c:SavedChart {owner: $owner, title: $title}) RETURN c.state AS state', { owner: users.analyst.username, title })).records[0]?.get('state') as string | undefined);
  if (!text) throw new Error(`no saved chart titled ${title}`);
  return JSON.parse(text) as never;
}

async function chartCount(): Promise<{ nodes: number; edges: number }> {
  const text = (await page.textContent('#chart-status')) ?? '';
  const m = text.match(/(\d+)\D+?(\d+)/);
  return { nodes: Number(m?.[1] ?? 0), edges: Number(m?.[2] ?? 0) };
}

async function shot(name: string): Promise<void> {
  await page.waitForTimeout(400);
  await page.screenshot({ path: artifactPath(name) });
}

describe('the investigator workspace in a real browser', () => {
  beforeAll(async () => {
    if (!existsSync(path.join(repoRoot, 'dist', 'client', 'index.html'))) throw new Error('dist/client is missing: run npm run build:client first');
    app = await startTestApp();
    await forgetStoryOrders(app.graph); // the order the test answers is issued fresh
    users.analyst = await makeUser('ANALYST', 'dept:intel');
    users.officer = await makeUser('STATION_OFFICER', `Station:${STORY.collision.orderStation}`);
    users.supervisor = await makeUser('SUPERVISOR', 'dept:supervision');
    users.admin = await makeUser('ADMINISTRATOR', 'dept:it');
    browser = await launchBrowser();
    // a Chinese workstation: dates and times in the pickers read as they would there
    page = await browser.newPage({ viewport: { width: 1600, height: 900 }, acceptDownloads: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    if (app) await forgetStoryOrders(app.graph);
    if (app) await deleteByPrefix(app.graph, importPrefix, '+90000-');
    if (app && importJobIds.length) await deleteJobs(app.graph, importJobIds);
    if (app && users.analyst) await app.graph.write((tx) => tx.run('MATCH (w:StandingWatch {createdBy: $by}) DETACH DELETE w', { by: users.analyst.username }));
    if (app && users.analyst) await app.graph.write((tx) => tx.run('MATCH (c:SavedChart {owner: $by}) DETACH DELETE c', { by: users.analyst.username }));
    if (app && users.analyst) await app.graph.write((tx) => tx.run('MATCH (p:RiskProfile {createdBy: $by}) OPTIONAL MATCH (p)-[:VERSION]->(v) DETACH DELETE p, v', { by: users.analyst.username }));
    // The audit trail keeps their names on every record; nothing there needs the nodes.
    if (app && usernames.length) {
      await app.graph.write(async (tx) => {
        await tx.run('MATCH (k:ApiKey) WHERE k.createdBy IN $usernames DETACH DELETE k', { usernames });
        await tx.run('MATCH (u:User) WHERE u.username IN $usernames OPTIONAL MATCH (s:Session {userId: u.id}) DETACH DELETE s, u', { usernames });
      });
    }
    await app?.close();
  });

  it('signs in, shows who is signed in, searches 李国华 and expands him on the chart', async () => {
    await page.goto(app.url);
    await page.waitForSelector('.signin-card');
    await shot('e2e-01-sign-in.png');
    await signIn(users.analyst, '李国华诈骗案追逃研判');
    expect(await page.textContent('.who')).toContain(users.analyst.username);
    expect(await page.textContent('.who')).toContain('研判民警');
    // the department by its name, not its code
    expect(await page.textContent('.who')).toContain('情报中心');
    expect(await page.textContent('#purpose-chip')).toContain('李国华诈骗案追逃研判');

    await page.fill('#search-input', STORY.traceAssociates.name);
    await page.press('#search-input', 'Enter');
    await page.waitForSelector('#search-results li');
    expect(await page.textContent('#search-results li:first-child')).toContain(STORY.traceAssociates.name);
    await shot('e2e-02-search.png');
    // each hit's kind tag stays on one line, even beside his case's long title
    const tagHeights = await page.$$eval('#search-results .kind-tag', (tags) => tags.map((tag) => tag.getBoundingClientRect().height));
    expect(tagHeights.length).toBeGreaterThan(1);
    expect(Math.max(...tagHeights)).toBeLessThan(20);

    // add and expand: the fugitive with his family, associates, phone, car, case and places
    const recordReads: string[] = [];
    const countRecordReads = (r: Request) => {
      if (r.postData()?.includes('query Person(')) recordReads.push(r.postData()!);
    };
    page.on('request', countRecordReads);
    await page.click('#search-results li:first-child .result-expand');
    await page.waitForFunction(() => /\d+/.test(document.querySelector('#chart-status')?.textContent ?? '') && Number((document.querySelector('#chart-status')!.textContent!.match(/\d+/) ?? ['0'])[0]) > 5);
    const after = await chartCount();
    expect(after.nodes).toBeGreaterThan(5);
    await page.waitForSelector('#details-body .tag-FUGITIVE');
    await page.waitForSelector('#details-body .timeline li');
    // his case on the timeline with his role in words
    expect(await page.textContent('#details-body .timeline')).toContain('李国华以合伙经营为名诈骗郭建明案（嫌疑人）');
    // 籍贯 by the region's name, the code after it
    const props = await page.textContent('#details-body .props');
    expect(props).toContain('籍贯兴化市（321281）');
    expect(props).toContain('住址兴化市（321281）');
    // a person's name is 姓名, not the generic 姓名/名称
    expect(props).toContain('姓名李国华');
    await shot('e2e-03-expanded.png');
    // Selected once, his record read once: each read is a line in the audit trail that a
    // supervisor reads as one more look at him. (A second read would follow within 30 ms.)
    await page.waitForTimeout(500);
    page.off('request', countRecordReads);
    expect(recordReads).toHaveLength(1);

    // undo takes the expansion back, redo brings it again
    await page.click('#tool-undo');
    await page.waitForFunction((n) => Number((document.querySelector('#chart-status')!.textContent!.match(/\d+/) ?? ['0'])[0]) < n, after.nodes);
    await page.keyboard.press('Control+y');
    await page.waitForFunction((n) => Number((document.querySelector('#chart-status')!.textContent!.match(/\d+/) ?? ['0'])[0]) === n, after.nodes);

    // part of a phone number: each hit says whose number matched, and a place's type in words
    await page.fill('#search-input', '1390523');
    await page.press('#search-input', 'Enter');
    await page.waitForFunction(() => document.querySelector('#search-results')?.textContent?.includes('匹配：手机号 13905231866'));
    expect(await page.textContent('#search-results')).toContain('321281197804160373 · 兴化市');
    await page.fill('#search-input', '建湖宏达');
    await page.press('#search-input', 'Enter');
    await page.waitForFunction(() => document.querySelector('#search-results')?.textContent?.includes('旅馆 · 建湖'));
    expect(await page.textContent('#search-results')).toContain('匹配：名称');
  });

  it('lets the analyst put 李国华 under a standing watch from his details, and end it', async () => {
    await page.fill('#search-input', STORY.traceAssociates.name);
    await page.press('#search-input', 'Enter');
    // the list of the search before may still be there: wait for his own entry
    await page.click('#search-results .result-main[data-id="Person:P-LI"]');
    await page.click('#person-watch button.watch-start');
    // The details may be drawn again while the dialog is open (a selection told twice did so in
    // CI once; graph-view.ts now tells it once, but a language switch still draws them anew).
    // The panel drawn anew reads the watch; hold that answer, given before the watch is stored,
    // until after it is: the watch just started must show, and the late answer must not hide it.
    const heldAnswers: (() => Promise<void>)[] = [];
    await page.route('**/graphql', async (route) => {
      if (!route.request().postData()?.includes('query Watches')) return route.fallback();
      const answer = await route.fetch();
      heldAnswers.push(() => route.fulfill({ response: answer }));
    });
    // behind the open dialog, so clicked in the page: switching the language draws the details again
    await page.evaluate(() => (document.querySelector('#lang-switch') as HTMLElement).click());
    await vi.waitFor(() => expect(heldAnswers.length).toBeGreaterThan(0), { timeout: 15_000 });
    await page.evaluate(() => (document.querySelector('#lang-switch') as HTMLElement).click());
    await vi.waitFor(() => expect(heldAnswers.length).toBeGreaterThan(1), { timeout: 15_000 });
    await page.selectOption('#watch-depth', '2');
    await page.fill('#watch-note', '李国华诈骗案追逃');
    await page.click('.watch-dialog button[type=submit]');
    await page.locator('#person-watch .watch-state', { hasText: users.analyst.username }).waitFor();
    for (const release of heldAnswers) await release();
    await page.unroute('**/graphql');
    await page.locator('#person-watch .watch-state', { hasText: '直接及二度关系人' }).waitFor();
    const stored = async () =>
      (
        await app.graph.read((tx) =>
          tx.run('MATCH (w:StandingWatch {createdBy: $by})-[:WATCHES]->(p:Person) RETURN p.id AS person, w.depth AS depth, w.note AS note, w.active AS active', { by: users.analyst.username }),
        )
      ).records.map((r) => ({ person: r.get('person') as string, depth: Number(r.get('depth')), note: r.get('note') as string, active: r.get('active') as boolean }));
    expect(await stored()).toEqual([{ person: 'P-LI', depth: 2, note: '李国华诈骗案追逃', active: true }]);
    await shot('e2e-16-standing-watch.png');

    // the alerts dialog lists every active watch: whose, how far, why, who set it
    await page.click('#alerts-button');
    const listed = page.locator('#watch-list .watch-item[data-person="P-LI"]');
    await listed.waitFor();
    const text = await listed.textContent();
    for (const part of ['李国华（P-LI）', '直接及二度关系人', users.analyst.username, '李国华诈骗案追逃']) expect(text).toContain(part);
    await shot('e2e-17-watch-list.png');
    await page.click('.alerts-dialog .dialog-actions button');

    await page.click('#person-watch button.watch-end');
    await page.waitForSelector('#person-watch button.watch-start');
    expect(await stored()).toEqual([{ person: 'P-LI', depth: 2, note: '李国华诈骗案追逃', active: false }]);
    await page.click('#alerts-button');
    await page.locator('#watch-list h3', { hasText: '常设关注（' }).waitFor();
    expect(await page.locator('#watch-list .watch-item[data-person="P-LI"]').count()).toBe(0);
    await page.click('.alerts-dialog .dialog-actions button');
  });

  it('finds the path between the wife and the old relation, with each hop’s provenance', async () => {
    await page.click('#tab-paths');
    const options = await page.$$eval('#path-from option', (os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
    const wife = options.find((o) => o.value === 'Person:P-LI-WIFE');
    const old = options.find((o) => o.value === 'Person:P-LI-OLD');
    expect(wife && old).toBeTruthy();
    await page.selectOption('#path-from', 'Person:P-LI-WIFE');
    await page.selectOption('#path-to', 'Person:P-LI-OLD');
    await page.click('#paths-go');
    await page.waitForSelector('#path-results .path-card');
    const first = (await page.textContent('#path-results .path-card')) ?? '';
    expect(first).toContain(STORY.traceAssociates.name);
    expect(await page.locator('#path-results .hop-prov').count()).toBeGreaterThanOrEqual(2);
    expect(await page.textContent('#path-results .hop-prov')).toMatch(/来源 \S+/);
    await shot('e2e-04-paths.png');
  });

  it('runs associate tracing and shows 建湖 and its hotel first, with the evidence on the chart', async () => {
    await page.click('#tab-techniques');
    await page.click('#tech-trace');
    // the window defaults to whole days, the 90 up to the newest movement
    await page.waitForFunction(() => (document.querySelector<HTMLInputElement>('#trace-from')?.value ?? '') !== '');
    expect(await page.inputValue('#trace-from')).toMatch(/T00:00$/);
    expect(await page.inputValue('#trace-to')).toMatch(/T23:59$/);
    // a mistyped person or a window the wrong way round: said under the form, the input marked
    await page.fill('#trace-person', 'P-NOBODY');
    await page.click('#trace-run');
    await page.waitForSelector('#trace-results .tech-error');
    expect(await page.textContent('#trace-results .tech-error')).toBe('没有找到人员 P-NOBODY。');
    expect(await page.getAttribute('#trace-person', 'aria-invalid')).toBe('true');
    await page.fill('#trace-person', 'P-LI');
    await page.fill('#trace-from', '2026-08-31T00:00');
    await page.fill('#trace-to', '2026-06-01T23:59');
    await page.click('#trace-run');
    await page.waitForFunction(() => document.querySelector('#trace-results .tech-error')?.textContent === '结束时间有误：应晚于开始时间');
    expect(await page.getAttribute('#trace-to', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#trace-person', 'aria-invalid')).toBeNull();
    await page.fill('#trace-person', 'P-LI');
    await page.fill('#trace-from', '2026-06-01T00:00');
    await page.fill('#trace-to', '2026-08-31T23:59');
    await page.click('#trace-run');
    await page.waitForSelector('#trace-towns .ranked-item', { timeout: 60_000 });
    expect(await page.textContent('#trace-towns .ranked-item:first-child .ranked-title')).toContain(STORY.traceAssociates.expectedTopTown);
    expect(await page.textContent('#trace-places .ranked-item:first-child .ranked-title')).toContain(STORY.traceAssociates.expectedTopLocationName);
    await page.click('#trace-places .ranked-item:first-child .ranked-main');
    await page.click('#trace-places .ranked-item:first-child .why summary');
    await page.waitForTimeout(1500);
    await shot('e2e-05-trace.png');
  });

  it('exports the chart as PNG and GraphML, and switches to English', async () => {
    await page.click('#tool-export');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    const saved = artifactPath('e2e-chart-export.png');
    await download.saveAs(saved);
    expect(readFileSync(saved).subarray(1, 4).toString()).toBe('PNG');
    // an evidence format, written by the server from the database for what is on the chart
    await page.click('#tool-export');
    const [graphml] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('#export-graphml')]);
    const savedGraphml = artifactPath('e2e-chart-export.graphml');
    await graphml.saveAs(savedGraphml);
    const xml = readFileSync(savedGraphml, 'utf8');
    expect(xml).toContain('<graphml');
    expect(xml).toContain('P-LI');
    await page.click('#lang-switch');
    expect(await page.textContent('#tab-search')).toBe('Search');
    await shot('e2e-06-english.png');
    // On a 1280×720 laptop, in English's longer words, the chart's counts wrap below the time
    // window instead of lying over its dates and its reset button.
    await page.setViewportSize({ width: 1280, height: 720 });
    const timeRange = await page.textContent('.time-slider .time-range');
    const counts = (await page.locator('#chart-status').boundingBox())!;
    const overlapping: string[] = [];
    for (const part of ['.time-slider .time-range', '.time-slider button']) {
      const b = (await page.locator(part).boundingBox())!;
      if (b.x < counts.x + counts.width && counts.x < b.x + b.width && b.y < counts.y + counts.height && counts.y < b.y + b.height) overlapping.push(part);
    }
    await page.setViewportSize({ width: 1600, height: 900 });
    await page.click('#lang-switch');
    expect(timeRange).toContain('All time (');
    expect(await page.textContent('#tab-search')).toBe('搜索');
    expect(overlapping).toEqual([]);
  });

  it('saves the chart with 李国华 pinned in a group, and opens it again as it was after clearing it', async () => {
    await page.click('#tab-search');
    await page.fill('#search-input', STORY.traceAssociates.name);
    await page.press('#search-input', 'Enter');
    await page.click('#search-results .result-main[data-id="Person:P-LI"]');
    // the click selects him on the chart once his record is back
    await page.waitForFunction(() => document.querySelector('#chart-status')?.textContent?.includes('已选 1'));
    await page.click('#tool-pin');
    page.once('dialog', (d) => void d.accept('李国华本人'));
    await page.click('#tool-group');
    await page.locator('.toast', { hasText: '已分组' }).first().waitFor();
    // a time window that leaves part of the chart out
    await page.locator('#time-from').fill('500');
    await page.waitForFunction(() => /时间窗外 \d+/.test(document.querySelector('#chart-status')?.textContent ?? ''));
    const outside = /时间窗外 (\d+)/.exec((await page.textContent('#chart-status')) ?? '')![1];

    const title = '李国华 关系人（端到端）';
    await page.click('#tool-save');
    await page.fill('#chart-title', title);
    await page.check('#chart-shared');
    await page.click('.chart-dialog button[type=submit]');
    await page.locator('.toast', { hasText: `已保存「${title}」` }).waitFor();
    const first = await storedChartState(title);
    expect(first.nodes.find((n) => n.id === 'Person:P-LI')).toMatchObject({ pinned: true, group: first.groups[0]!.id });
    expect(first.groups.map((g) => g.label)).toEqual(['李国华本人']);
    expect(first.nodes.length).toBeGreaterThan(5);
    expect(first.window?.from).toEqual(expect.any(Number));
    // the associate-tracing evidence drawn before is highlighted, and kept as such
    expect(first.nodes.filter((n) => n.evidence).length).toBeGreaterThan(1);
    expect(first.edges.filter((e) => e.evidence).length).toBeGreaterThan(0);

    await page.click('#tool-clear');
    await page.waitForFunction(() => /^节点 0\b/.test(document.querySelector('#chart-status')?.textContent ?? ''));
    // the window back to all time: only the saved chart can set it again
    await page.click('.time-slider button');
    await page.click('#tool-open');
    const item = page.locator('#chart-list .chart-item', { hasText: title });
    expect(await item.textContent()).toMatch(/已共享/);
    await item.locator('.chart-open').click();
    // the records are read again from the database and put back where they stood
    await page.locator('.toast', { hasText: `已打开「${title}」：${first.nodes.length} 个节点，${first.edges.length} 条关系` }).waitFor();
    // and read in the same time window: the same records fall outside it
    await page.waitForFunction((n) => document.querySelector('#chart-status')?.textContent?.includes(`时间窗外 ${n}`), outside);
    await shot('e2e-07-saved-chart.png');

    // saved again as a new chart (Ctrl+S), the arrangement is the one that was saved
    await page.keyboard.press('Control+s');
    expect(await page.inputValue('#chart-title')).toBe(title);
    await page.check('#chart-as-new');
    await page.fill('#chart-title', `${title} 再存`);
    await page.click('.chart-dialog button[type=submit]');
    await page.locator('.toast', { hasText: `已保存「${title} 再存」` }).waitFor();
    const second = await storedChartState(`${title} 再存`);
    const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(second.nodes)).toEqual(byId(first.nodes));
    expect(byId(second.edges)).toEqual(byId(first.edges));
    expect(second.groups).toEqual(first.groups);
    expect(second.window).toEqual(first.window);
    // Esc lets go of the selection, a second Esc of the highlight: saved then, nothing is marked
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+s');
    await page.check('#chart-as-new');
    await page.fill('#chart-title', `${title} 无高亮`);
    await page.click('.chart-dialog button[type=submit]');
    await page.locator('.toast', { hasText: `已保存「${title} 无高亮」` }).waitFor();
    const third = await storedChartState(`${title} 无高亮`);
    expect(third.nodes.length).toBe(first.nodes.length);
    expect([...third.nodes, ...third.edges].filter((x) => x.evidence)).toEqual([]);
    // the open dialog narrows the list on the server, word by word
    await page.keyboard.press('Control+o');
    await page.locator('#chart-list .chart-item', { hasText: title }).first().waitFor();
    await page.fill('#chart-filter', '再存 李国华');
    await page.waitForFunction(
      (t) => [...document.querySelectorAll('#chart-list .chart-item strong')].map((e) => e.textContent).join('|') === t,
      `${title} 再存`,
    );
    await page.fill('#chart-filter', '没有这个词');
    await page.locator('#chart-list li', { hasText: '没有符合条件的关系图' }).waitFor();
    await page.click('.chart-dialog .dialog-actions button:not(#chart-more)');
    await page.locator('#chart-filter').waitFor({ state: 'detached' });
    await page.click('#tool-clear');
    await page.click('.time-slider button');
    expect(pageErrors).toEqual([]);
  });

  it('lets the analyst keep a watch-list: adds a person known by resident ID, is told which field is wrong, removes the entry', async () => {
    await page.click('#tab-techniques');
    await page.click('#tech-collision');
    await page.waitForSelector('#collision-lists input[value="DRUG_USER"]');
    expect(await page.textContent('#collision-lists')).toContain('吸毒人员');
    expect(await page.isChecked('#collision-lists input[value="DRUG_USER"]')).toBe(true);
    await page.click('#collision-manage');
    await page.waitForSelector('.wl-manager #wl-settings');
    await page.selectOption('#wl-select', 'DRUG_USER');
    await page.waitForSelector('#wl-entries tbody tr');
    // the list's settings as stored, its group rule among them
    expect(await page.inputValue('#wl-title')).toBe('吸毒人员');
    expect(await page.locator('#wl-rules .wl-rule').count()).toBeGreaterThan(0);
    const before = (await page.textContent('.wl-entries h3')) ?? '';

    // No one in the county has this resident ID: the entry changes no other step's comparison.
    const first17 = `99000019880808${randomBytes(2).readUInt16BE() % 900 + 100}`;
    const idNumber = first17 + residentIdCheckChar(first17);
    await page.fill('#wl-entry-id-number', idNumber);
    await page.fill('#wl-entry-phone', '电话未知');
    await page.fill('#wl-entry-note', '外单位通报（端到端测试）');
    await page.click('#wl-entry-form button[type="submit"]');
    await page.waitForSelector('#wl-entry-error:not([hidden])');
    // the server's refusal in the page's words: the field by its name, why in Chinese
    expect(await page.textContent('#wl-entry-error')).toBe('手机号有误：“电话未知”不是手机号码');
    // what was typed stays for the correction
    expect(await page.inputValue('#wl-entry-id-number')).toBe(idNumber);
    await page.fill('#wl-entry-phone', '');
    await page.click('#wl-entry-form button[type="submit"]');
    const row = page.locator(`#wl-entries tbody tr:has-text("${idNumber}")`);
    await row.waitFor();
    expect(await row.textContent()).toContain('外单位通报');
    expect(await page.textContent('.wl-entries h3')).not.toBe(before);
    await shot('e2e-20-watch-lists.png');

    await row.locator('.wl-entry-remove').click();
    await page.click('#wl-entry-remove-confirm');
    await row.waitFor({ state: 'detached' });
    expect(await page.textContent('.wl-entries h3')).toBe(before);
    await page.click('#wl-close');
  });

  it('lets the analyst write a risk profile with its reason and approval, then finds the man from Qianjiang first', async () => {
    const H = STORY.highRiskSearch;
    await page.click('#tab-techniques');
    await page.click('#tech-risk');
    await page.click('#risk-manage');
    await page.waitForSelector('.rp-manager #rp-form');
    if (await page.isVisible('#rp-new')) await page.click('#rp-new');
    await page.fill('#rp-origin', H.origin);
    await page.fill('#rp-justification', '潜江籍人员在戴南不锈钢市场多次夜间盗窃原材料（端到端测试）');
    await page.fill('#rp-approved-by', '情报中心 张科长');
    // an approval dated after today is refused, by field, and what was typed stays
    await page.fill('#rp-approved-at', '2099-01-02');
    await page.click('#rp-save');
    await page.locator('#rp-problem', { hasText: '审批日期' }).waitFor();
    expect(await page.textContent('#rp-problem')).toBe('审批日期有误：不能晚于今天（画像须先审批后使用）');
    expect(await page.getAttribute('#rp-approved-at', 'aria-invalid')).toBe('true');
    expect(await page.inputValue('#rp-origin')).toBe(H.origin);
    await page.fill('#rp-approved-at', '2026-04-02');
    await page.click('#rp-save');
    // saved as version 1, named after the region of that code, and in the history
    await page.locator('.rp-form .muted', { hasText: '第 1 版' }).waitFor();
    expect(await page.inputValue('#rp-origin-name')).toBe(H.originName);
    await page.locator('#rp-history li', { hasText: '情报中心 张科长 2026-04-02 审批' }).waitFor();
    const profileId = await page.inputValue('#rp-select');
    await shot('e2e-21-risk-profiles.png');
    await page.click('#rp-close');

    await page.locator(`#risk-profile option[value="${profileId}"]`).waitFor({ state: 'attached' });
    await page.selectOption('#risk-profile', profileId);
    await page.fill('#risk-mo', H.mo.join('、'));
    await page.click('#risk-run');
    const first = page.locator('#risk-candidates li').first();
    await first.waitFor();
    expect(await first.textContent()).toContain(H.expectedTopName);
    expect(await first.textContent()).toContain(`${H.originName} · ${H.expectedTopNearCases} 起案发时在附近`);
    await shot('e2e-22-high-risk.png');
  });

  it('runs the collision of 27 August; the Xincheng station officer acknowledges and answers the order', async () => {
    await page.click('#tab-techniques');
    await page.click('#tech-collision');
    await page.fill('#collision-from', `${STORY.collision.date}T00:00`);
    await page.fill('#collision-to', `${STORY.collision.date}T23:59`);
    await page.click('#collision-run');
    await page.waitForSelector('#collision-groups .ranked-item', { timeout: 60_000 });
    expect(await page.textContent('#collision-groups .ranked-item:first-child')).toContain('9');
    await shot('e2e-07-collision.png');

    await page.click('text=退出');
    await page.waitForSelector('.signin-card');
    await signIn(users.officer, '核查指令反馈');
    expect(await page.textContent('.who')).toContain('派出所民警');
    // the station by its name, not its code
    expect(await page.textContent('.who')).toContain('新城派出所');
    await page.click('#tab-orders');
    await page.waitForSelector('#orders-list .order-card, #orders-list p');
    const open = page.locator('#orders-list .order-card:has(button.answer)');
    if ((await open.count()) === 0) {
      // an earlier run against the same database answered it already: it is listed under "all"
      await page.click('.orders-panel .chip:nth-child(2)');
      await page.waitForSelector('#orders-list .order-card.done');
      await shot('e2e-08-orders.png');
      await showOrderOnChart();
      return;
    }
    const card = open.first();
    expect(await card.locator('.countdown').textContent()).toMatch(/剩余|超期/);
    // the station by its name, not its code
    expect(await card.textContent()).toContain('新城派出所');
    await shot('e2e-08-orders.png');
    if ((await card.locator('button.ack').count()) > 0) {
      await card.locator('button.ack').click();
      await page.waitForSelector('.toast-ok');
    }
    const id = await card.getAttribute('data-id');
    await page.locator(`#orders-list .order-card[data-id="${id}"] button.answer`).click();
    await page.fill('#order-feedback', '9 人均已到案核查，尿检阳性，已移交禁毒大队。');
    await shot('e2e-09-answer.png');
    await page.click('dialog button[type=submit]');
    await page.waitForSelector(`#orders-list .order-card[data-id="${id}"]`, { state: 'detached' });
    await page.click('.orders-panel .chip:nth-child(2)');
    await page.waitForSelector(`#orders-list .order-card[data-id="${id}"] .feedback`);
    // the order's changes came back over the subscription socket: toasts and the bell's count
    await page.waitForSelector('.alerts-button .badge-count:not([hidden])');
    await shot('e2e-10-answered.png');
    await showOrderOnChart();
  });

  it('lets a supervisor see who looked at 李国华, with their purpose, from his details', async () => {
    await page.click('text=退出');
    await page.waitForSelector('.signin-card');
    await signIn(users.supervisor, '例行督察');
    expect(await page.textContent('.who')).toContain('督察');
    await page.fill('#search-input', STORY.traceAssociates.name);
    await page.press('#search-input', 'Enter');
    await page.click('#search-results .result-main[data-id="Person:P-LI"]');
    await page.click('#details-body button.who-looked');
    await page.waitForSelector('#panel-audit:not([hidden]) #audit-list .audit-record');
    expect(await page.inputValue('#audit-entity')).toMatch(/^Person:/);
    // the analyst of the first test looked him up, under the purpose she gave
    const mine = page.locator('#audit-list .audit-record', { hasText: users.analyst.username });
    await mine.first().waitFor();
    expect(await mine.first().textContent()).toContain('李国华诈骗案追逃研判');
    expect(await mine.first().textContent()).toContain('研判民警');
    // what she did, in words (查看人员, 展开关系 …), not as the API names it
    const did = await page.locator('#audit-list .audit-fields').allTextContents();
    expect(did.join(' ')).toMatch(/查看人员|展开关系|活动时间线|搜索/);
    expect(did.join(' ')).not.toMatch(/Query\.|Mutation\./);
    // and the trail by user: only that analyst's requests
    await page.fill('#audit-entity', '');
    await page.fill('#audit-username', users.analyst.username);
    await page.click('#audit-run');
    await page.waitForFunction((name) => {
      const items = [...document.querySelectorAll('#audit-list .audit-record strong')];
      return items.length > 0 && items.every((el) => el.textContent === name);
    }, users.analyst.username);
    // the trail's hash chain checked from the desk: every record since the first holds
    await page.click('#audit-chain-verify');
    await page.locator('#audit-chain-result.chain-good').waitFor({ timeout: 60_000 });
    expect(await page.textContent('#audit-chain-result')).toMatch(/^审计链完整：[\d,]+ 条记录（至第 [\d,]+ 条）均未被改动、删除或替换。$/);
    await shot('e2e-12-supervision.png');
    expect(pageErrors).toEqual([]);
  });

  it('lets an analyst import a file: the good records go in, the bad one is shown with its line, field and reason', async () => {
    await page.click('text=退出');
    await page.waitForSelector('.signin-card');
    await signIn(users.analyst, '旅馆业数据导入');
    // Another unit's import is still running (alive, never finished): it must not hold back
    // the figures of the analyst's import once that one is done.
    const othersId = newJobId();
    importJobIds.push(othersId);
    await startJob(app.graph, { id: othersId, source: `e2e-other-${importPrefix}`, files: ['big.ndjson'], paths: [], formats: ['ndjson'], principal: 'key:other-unit', options: {}, bytesTotal: 1e9 });
    await page.click('#tab-import');
    await page.locator(`#import-list .import-job[data-id="${othersId}"] .status`, { hasText: '导入中' }).waitFor();
    const source = `e2e-upload-${importPrefix}`;
    const lines = [
      { kind: 'person', id: `${importPrefix}1`, name: '导入测试甲', source },
      // refused for its resident ID, and its gender is wrong too: both are shown at once
      { kind: 'person', id: `${importPrefix}2`, name: '导入测试乙', idNumber: '110105194912310020', gender: 'W', source },
      { kind: 'person', id: `${importPrefix}3`, name: '导入测试丙', idNumber: '11010519491231002X', source },
      // one person sent by two systems: the same name, birth date and phone make a likely match
      { kind: 'person', id: `${importPrefix}4`, name: '导入测试丁', birthDate: '1985-03-02', phones: ['+90000-1234'], source },
      { kind: 'person', id: `${importPrefix}5`, name: '导入测试丁', birthDate: '1985-03-02', phones: ['+90000-1234'], source },
      { kind: 'location', id: `${importPrefix}H`, type: 'HOTEL', name: '导入测试旅社', lat: 32.93, lon: 119.85, source },
      { kind: 'stay', person: `${importPrefix}1`, location: `${importPrefix}H`, checkIn: '2026-03-27T21:40:00', source },
      // a mistyped year: accepted, but counted as dated in the future and left out of the freshness
      { kind: 'stay', person: `${importPrefix}3`, location: `${importPrefix}H`, checkIn: '2062-03-27T21:40:00', source },
    ];
    const name = `persons-${importPrefix}.ndjson`;
    await page.setInputFiles('#import-files', { name, mimeType: 'application/x-ndjson', buffer: Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n')) });
    await page.fill('#import-source', source);
    await page.click('#import-run');
    // the job appears, runs, and is read again until it is done
    const card = page.locator('#import-list .import-job', { hasText: name });
    await card.locator('.status', { hasText: '已完成' }).waitFor({ timeout: 30_000 });
    const jobId = (await card.getAttribute('data-id'))!;
    importJobIds.push(jobId);
    expect(await card.locator('.import-counts').textContent()).toMatch(/读取 8.*入库 7.*拒收 1/);
    expect(await card.textContent()).toContain('身份比对：0 条记录按相同身份证号关联，2 对疑似同一人待审核');
    await card.locator('button.show-rejections').click();
    const rejection = page.locator(`#import-list .import-job[data-id="${jobId}"] .import-rejections li`);
    await rejection.first().waitFor();
    expect(await rejection.first().textContent()).toMatch(/第 2 行.*身份证号（idNumber）：身份证号校验不通过（校验码是 0，按 GB 11643 应为 X）/);
    expect(await rejection.first().locator('.other-problems').textContent()).toBe('同一条记录还有：性别（gender）：取值不在规定代码中（"W" 不在可选值 M、F 之中）');
    // in English the server words it in English too
    await page.click('#lang-switch');
    await rejection.first().filter({ hasText: 'check character is 0 but GB 11643 gives X' }).waitFor();
    expect(await rejection.first().textContent()).toMatch(/line 2.*Resident ID \(idNumber\): resident ID fails its check \(check character is 0/);
    expect(await rejection.first().locator('.other-problems').textContent()).toBe('The same record also has:Gender (gender): value not in the code list ("W" is not one of M, F)');
    await page.click('#lang-switch');
    await rejection.first().filter({ hasText: '校验码是 0' }).waitFor();
    // the data quality of that sending system: one record in eight rejected, and why; one
    // dated in the future, and the freshness taken from the other stay
    const quality = page.locator(`#quality-list .quality-source[data-source="${source}"]`);
    await quality.waitFor();
    expect(await quality.textContent()).toContain('拒收率 12.5%');
    expect(await quality.locator('.quality-future').textContent()).toBe('时间晚于导入 1 条（12.5%）');
    expect(await quality.textContent()).toMatch(/最新记录 2026-03-27 21:40.*滞后/);
    expect(await quality.textContent()).toMatch(/身份证号（idNumber）：身份证号校验不通过 · 1/);
    await shot('e2e-13-import.png');
    await quality.scrollIntoViewIfNeeded();
    await shot('e2e-14-data-quality.png');
    const [report] = await Promise.all([page.waitForEvent('download'), page.locator(`#import-list .import-job[data-id="${jobId}"] button.download-rejections`).click()]);
    expect(report.suggestedFilename()).toMatch(/-rejections\.csv$/);
    expect(readFileSync((await report.path())!, 'utf8')).toContain('idNumber,resident-id,校验码是 0，按 GB 11643 应为 X');
    // the good records are in the graph
    const stored = await app.graph.read(async (tx) => (await tx.run('MATCH (p:Person) WHERE p.id STARTS WITH $prefix RETURN p.id AS id ORDER BY id', { prefix: importPrefix })).records.map((r) => r.get('id') as string));
    expect(stored).toEqual([1, 3, 4, 5].map((n) => `${importPrefix}${n}`));

    // the two records of one person wait for review, side by side with what they share
    await page.fill('#identity-person', `${importPrefix}4`);
    await page.click('#identity-run');
    const link = page.locator(`#identity-list .identity-link[data-key="${importPrefix}4|${importPrefix}5"]`);
    await link.waitFor();
    expect(await link.locator('.identity-evidence').textContent()).toMatch(/姓名和出生日期相同.*共用手机号 \+90000-1234/);
    await link.locator('.identity-note').fill('同一人，两套系统各登记一次');
    await link.locator('button.confirm').click();
    await link.locator('.status', { hasText: '同一人' }).waitFor();
    await link.scrollIntoViewIfNeeded();
    await shot('e2e-15-identity.png');
    const decided = await app.graph.read(async (tx) => (await tx.run('MATCH ()-[s:SAME_AS {key: $key}]->() RETURN s.status AS status, s.decidedBy AS by', { key: `${importPrefix}4|${importPrefix}5` })).records[0]!.toObject());
    expect(decided).toEqual({ status: 'CONFIRMED', by: users.analyst.username });
    // and the decision can be taken back
    await link.locator('button.undo').click();
    await link.locator('.status', { hasText: '待核实' }).waitFor();

    // an import whose process died half-way (started, then silent) shows as interrupted and runs again from the page
    const resumedId = newJobId();
    const resumedFile = path.join(await jobDirectory(app.config, resumedId), `persons-${importPrefix}-later.ndjson`);
    await writeFile(resumedFile, [6, 7].map((n) => JSON.stringify({ kind: 'person', id: `${importPrefix}${n}`, name: `导入续导${n}`, source })).join('\n'));
    await startJob(app.graph, { id: resumedId, source, files: [path.basename(resumedFile)], paths: [resumedFile], formats: ['ndjson'], principal: users.analyst.username, options: {}, bytesTotal: 200 });
    importJobIds.push(resumedId);
    await app.graph.write((tx) => tx.run("MATCH (j:ImportJob {id: $id}) SET j.heartbeatAt = datetime() - duration('PT10M')", { id: resumedId }));
    await page.click('#tab-import');
    const interrupted = page.locator(`#import-list .import-job[data-id="${resumedId}"]`);
    await interrupted.locator('.status', { hasText: '已中断' }).waitFor();
    await interrupted.locator('button.resume').click();
    await interrupted.locator('.status', { hasText: '已完成' }).waitFor({ timeout: 30_000 });
    expect(await interrupted.locator('.import-counts').textContent()).toMatch(/读取 2.*入库 2/);
    const resumed = await app.graph.read(async (tx) => (await tx.run('MATCH (p:Person) WHERE p.id IN $ids RETURN count(p) AS n', { ids: [6, 7].map((n) => `${importPrefix}${n}`) })).records[0]!.get('n'));
    expect(Number(resumed)).toBe(2);
    expect(pageErrors).toEqual([]);
  });

  it('lets an administrator open an account for a new analyst, disable and enable it, and the analyst signs in with it', async () => {
    await page.click('text=退出');
    await page.waitForSelector('.signin-card');
    await page.fill('#signin-username', users.admin.username);
    await page.fill('#signin-password', users.admin.password);
    await page.click('.signin-card button[type=submit]');
    // an administrator keeps the accounts and states no purpose: it reads no case data
    await page.locator(`#accounts-list .account[data-username="${users.admin.username}"]`).waitFor();
    expect(await page.locator('.sidebar .tabs button').allTextContents()).toEqual(['账户']);
    expect(await page.locator('#purpose-chip, #alerts-button').count()).toBe(0);

    const newcomer = `e2e-newcomer-${randomBytes(3).toString('hex')}`;
    usernames.push(newcomer);
    await page.click('#accounts-new');
    await page.fill('#account-username', newcomer);
    await page.fill('#account-display-name', '新来的分析员');
    await page.selectOption('#account-role', 'ANALYST');
    await page.fill('#account-password', 'short');
    await page.click('.account-dialog button[type=submit]');
    expect(await page.textContent('.account-dialog .form-problem')).toBe('密码至少 12 个字符');
    await page.click('.account-dialog .account-generate');
    const password = await page.inputValue('#account-password');
    expect(password).toMatch(/^[A-Za-z2-9]{16}$/);
    await page.click('.account-dialog button[type=submit]');
    const account = page.locator(`#accounts-list .account[data-username="${newcomer}"]`);
    await account.waitFor();
    expect(await account.textContent()).toMatch(/新来的分析员（e2e-newcomer-\w+）\s*正常.*研判民警 · dept:intel/);
    await page.fill('#accounts-filter', `${newcomer.toUpperCase()} 研判`);
    expect(await page.locator('#accounts-list .account').count()).toBe(1);
    await shot('e2e-18-accounts.png');
    await page.fill('#accounts-filter', '');

    // a key for another unit's system: the token is shown once, works, and stops working when revoked
    const keyName = `e2e 东台研判系统 ${randomBytes(2).toString('hex')}`;
    await page.click('#api-keys-new');
    await page.fill('#api-key-name', keyName);
    await page.fill('#api-key-unit', 'dept:dongtai');
    await page.check('.api-key-scope[value="READ"]');
    await page.click('.account-dialog button[type=submit]');
    const token = await page.inputValue('#api-key-token');
    expect(token.length).toBeGreaterThan(20);
    await shot('e2e-19-api-key.png');
    await page.click('.token-dialog .dialog-actions button');
    // keys may send only the allow-listed (persisted) queries
    const query = readFileSync(path.join(repoRoot, 'server/src/graphql/persisted/search.graphql'), 'utf8');
    const callWithKey = async () => {
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `ApiKey ${token}` },
        body: JSON.stringify({ query, variables: { text: '李国华', first: 1 }, extensions: { purpose: { reason: '东台协查李国华' } } }),
      });
      return (await res.json()) as { data?: { search: { totalCount: number } }; errors?: { extensions?: { code?: string } }[] };
    };
    expect((await callWithKey()).data?.search.totalCount).toBeGreaterThan(0);
    const key = page.locator('#api-keys-list .api-key', { hasText: keyName });
    expect(await key.textContent()).toMatch(/dept:dongtai · 查询人员、案件、场所.*始终脱敏 · 每分钟至多 120 次/);
    await key.locator('button.api-key-revoke').click();
    await page.click('.account-dialog button.danger');
    await page.locator('#api-keys-list .api-key[data-revoked="true"]', { hasText: keyName }).waitFor();
    expect((await callWithKey()).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // disabled, the account cannot sign in; enabled again, it can
    await account.locator('button.account-disable').click();
    await page.locator(`#accounts-list .account[data-username="${newcomer}"][data-status="DISABLED"]`).waitFor();
    await page.click('text=退出');
    await page.waitForSelector('.signin-card');
    await page.fill('#signin-username', newcomer);
    await page.fill('#signin-password', password);
    await page.click('.signin-card button[type=submit]');
    await page.locator('.signin-message', { hasText: /\S/ }).waitFor();
    await page.fill('#signin-username', users.admin.username);
    await page.fill('#signin-password', users.admin.password);
    await page.click('.signin-card button[type=submit]');
    await page.locator(`#accounts-list .account[data-username="${newcomer}"] button.account-enable`).click();
    await page.locator(`#accounts-list .account[data-username="${newcomer}"][data-status="ACTIVE"]`).waitFor();

    await page.click('text=退出');
    await page.waitForSelector('.signin-card');
    await signIn({ username: newcomer, password }, '新岗位熟悉系统');
    expect(await page.textContent('.who')).toContain(newcomer);
    newcomerAccount = { username: newcomer, password };
    expect(pageErrors).toEqual([]);
  });

  it('lets the newcomer replace the first password: a wrong one is refused in words, the new one signs in, the old one no longer', async () => {
    const { username, password } = newcomerAccount;
    const next = `新的口令-${randomBytes(4).toString('hex')}`;
    await page.click('#change-password');
    await page.fill('#password-current', `${password}-wrong`);
    await page.fill('#password-new', next);
    await page.fill('#password-again', `${next}x`);
    await page.click('.password-dialog button[type=submit]');
    expect(await page.textContent('#password-problem')).toBe('两次输入的新密码不一致');
    await page.fill('#password-again', next);
    await page.click('.password-dialog button[type=submit]');
    // the server's refusal, in the page's words, with the field it names marked
    await page.locator('#password-problem', { hasText: '当前密码有误' }).waitFor();
    expect(await page.textContent('#password-problem')).toBe('当前密码有误：与账号的密码不符，请重新输入');
    expect(await page.getAttribute('#password-current', 'aria-invalid')).toBe('true');
    await shot('e2e-23-change-password.png');

    await page.fill('#password-current', password);
    await page.click('.password-dialog button[type=submit]');
    // every session of the user ended: the sign-in comes back and says why
    await page.waitForSelector('.signin-card');
    expect(await page.textContent('.signin-message')).toBe('密码已修改，请用新密码登录。');
    await page.fill('#signin-username', username);
    await page.fill('#signin-password', password);
    await page.click('.signin-card button[type=submit]');
    await page.locator('.signin-message', { hasText: /用户名或密码/ }).waitFor();
    await signIn({ username, password: next }, '新岗位熟悉系统');
    expect(await page.textContent('.who')).toContain(username);
    expect(pageErrors).toEqual([]);
  });
});

/** A station officer may read the order's persons, not walk the graph: they come as records. */
async function showOrderOnChart(): Promise<void> {
  await page.locator('#orders-list .order-card').first().locator('button', { hasText: '在图中显示' }).click();
  await page.waitForFunction(() => Number((document.querySelector('#chart-status')!.textContent!.match(/\d+/) ?? ['0'])[0]) >= 9);
  await shot('e2e-11-order-persons.png');
  expect(pageErrors).toEqual([]);
}
