/**
 * What the techniques and the core link queries must find in any generated county, at any
 * seed and scale: the stories are fixed and the background never touches a story person
 * (tests/unit/seed-stories.test.ts recomputes every answer below from generated data).
 * Integration tests import this (or read stories.fixture.json, written from it by
 * `npx tsx seed/write-fixture.ts`) after loading a seeded county.
 *
 * Times are +08:00. Windows are inclusive calendar dates in China Standard Time. Graph
 * uids follow docs/graph-model.md (`Person:P-LI`, `Location:H-JH-01`, `Phone:139…`).
 */

export const STORY_FIXTURE = {
  version: 1,
  referenceDate: '2026-08-31',
  window: { from: '2026-06-03', to: '2026-08-31' },

  /** Story 1, 关系人员倒查法. Score the places where the fugitive's relations were seen. */
  traceAssociates: {
    personId: 'P-LI',
    name: '李国华',
    caseId: 'CASE-LI-FRAUD',
    victimId: 'P-GUO',
    fledOn: '2026-06-09',
    /** Li's own last trace (a call); nothing of his after it. */
    lastOwnTraceAt: '2026-06-08T23:30:00+08:00',
    associates: {
      'P-GUO': 'PARTNER',
      'P-LI-WIFE': 'FAMILY',
      'P-LI-MOTHER': 'FAMILY',
      'P-LI-BRO': 'FAMILY',
      'P-LI-OLD': 'OLD_RELATION',
      'P-LI-PARTNER': 'PARTNER',
      'P-LI-CONTACT1': 'CONTACT',
      'P-LI-CONTACT2': 'CONTACT',
      'P-LI-ASSOC': 'ASSOCIATE',
    },
    expectedTopTown: '建湖',
    expectedTopRegion: '320925',
    expectedTopLocationId: 'H-JH-01',
    expectedTopLocationName: '建湖宏达大酒店',
    expectedWindow: { from: '2026-08-09', to: '2026-08-11', peak: '2026-08-10' },
    keySighting: { personId: 'P-LI-OLD', relation: 'OLD_RELATION', locationId: 'H-JH-01', checkIn: '2026-08-10T20:15:00+08:00' },
    /** Associates' traces (stays, logins, passes of their cars) after Li fled, per town. */
    townEvidence: {
      建湖: { region: '320925', events: 7, associates: ['P-LI-CONTACT1', 'P-LI-OLD', 'P-LI-PARTNER', 'P-LI-WIFE'], from: '2026-08-09', to: '2026-08-11' },
      海安: { region: '320685', events: 4, associates: ['P-LI-ASSOC', 'P-LI-BRO', 'P-LI-CONTACT2'], from: '2026-06-20', to: '2026-07-12' },
    },
    /** Places with more than one associate trace: H-JH-01 has three (wife, contact, old relation). */
    expectedLocationEvents: { 'H-JH-01': 3, 'K-JH-01': 2 },
  },

  /** Story 2, 批量比对碰撞法: the day's hotel registrations against the watch-lists. */
  collision: {
    date: '2026-08-27',
    watchList: 'DRUG_USER',
    /** Watch-listed persons registered at hotels or cafés in one station area that day. */
    expectedGroups: [
      {
        station: 'S-XC',
        members: ['P-XC-DRUG-1', 'P-XC-DRUG-2', 'P-XC-DRUG-3', 'P-XC-DRUG-4', 'P-XC-DRUG-5', 'P-XC-DRUG-6', 'P-XC-DRUG-7', 'P-XC-DRUG-8', 'P-XC-DRUG-9'],
        hotels: ['H-XC-01', 'H-XC-03', 'H-XC-05', 'H-XC-07', 'H-XC-09'],
        firstCheckIn: '2026-08-27T19:05:00+08:00',
        lastCheckIn: '2026-08-27T22:50:00+08:00',
        allUnemployed: true,
      },
    ],
    orderStation: 'S-XC',
    deadlineMinutes: 60,
    /** Two drug users alone in far-apart towns (沙沟, 戴南) the same evening: in no group. */
    negativeControl: { personIds: ['P-NC-DRUG-1', 'P-NC-DRUG-2'], stations: ['S-SG', 'S-DN'] },
    /** No watch-listed background person registers at a hotel or café on these days. */
    quietDates: ['2026-08-26', '2026-08-27'],
  },

  /** Story 3, 人员轨迹串并法: similar cases elsewhere, then their offenders' traces here. */
  linkCases: [
    {
      caseId: 'CASE-XH-THEFT-01',
      expectedTop: 'CASE-DT-THEFT-01',
      why: 'same type THEFT, offenders 3, all four mo tags shared (入室盗窃 团伙 夜间 撬锁)',
      expectedTopAgency: '东台市公安局',
      expectedTopOffenders: ['P-CAI', 'P-CAI-TAN', 'P-CAI-TANG'],
      series: ['CASE-XH-THEFT-01', 'CASE-XH-THEFT-02', 'CASE-XH-THEFT-03', 'CASE-XH-THEFT-04', 'CASE-XH-THEFT-05'],
    },
    {
      caseId: 'CASE-DN-SWAP-01',
      expectedTop: 'CASE-TX-SWAP-01',
      why: 'same type FRAUD, offenders 2, all four mo tags shared (调包 香烟 冒充顾客 小卖部)',
      expectedTopAgency: '泰兴市公安局',
      expectedTopOffenders: ['P-SWAP-1', 'P-SWAP-2'],
      series: ['CASE-DN-SWAP-01', 'CASE-DN-SWAP-02', 'CASE-DN-SWAP-03', 'CASE-TX-SWAP-01', 'CASE-TX-SWAP-02', 'CASE-JY-SWAP-01'],
    },
  ],
  trajectory: {
    /** Presence: a stay, login or pass within radiusM of the scene and slackHours of its time. */
    radiusM: 3000,
    slackHours: 3,
    gang: {
      solvedCaseId: 'CASE-DT-THEFT-01',
      offenders: ['P-CAI', 'P-CAI-TAN', 'P-CAI-TANG'],
      plates: { 'P-CAI': '湘M52716', 'P-CAI-TANG': '湘E30618' },
      coincidentCases: ['CASE-XH-THEFT-01', 'CASE-XH-THEFT-02', 'CASE-XH-THEFT-03', 'CASE-XH-THEFT-04'],
      notCoincident: ['CASE-XH-THEFT-05'],
      arrestedOn: '2026-06-17',
    },
    swapPair: {
      offenders: ['P-SWAP-1', 'P-SWAP-2'],
      plates: { 'P-SWAP-1': '皖S60527' },
      /** The series' 兴化 cases their car was near (they were near their own solved cases too). */
      coincidentCases: ['CASE-DN-SWAP-01', 'CASE-DN-SWAP-02', 'CASE-DN-SWAP-03'],
    },
    /** Near more scenes by raw count of events, fewer distinct cases, hundreds of movements. */
    volumeControl: {
      personId: 'P-DRIVER',
      plate: '苏M71295',
      movements: 552,
      coincidentCases: ['CASE-XH-THEFT-01', 'CASE-XH-THEFT-03', 'CASE-XH-THEFT-05'],
      rawNearEvents: 12,
      gangMaxRawNearEvents: 7,
    },
    chanceControl: { personIds: ['P-CH-1', 'P-CH-2', 'P-CH-3'], coincidentCases: ['CASE-XH-THEFT-03'] },
  },

  /** Story 4: same hotel same night, same café overlapping, same checkpoint within 10 minutes. */
  coTravellers: {
    personId: 'P-CAI',
    expectedTop: ['P-CAI-TANG', 'P-CAI-TAN'],
    expectedCounts: { 'P-CAI-TANG': 11, 'P-CAI-TAN': 6 },
    minTimes: 4,
    checkpointMinutes: 10,
    negativeControl: { personId: 'P-CH-1', expectedCounts: { 'P-CH-2': 3, 'P-CH-3': 2 }, maxTimes: 3 },
  },

  /** Story 5, 高危地区检索法: persons from a risk origin, weighted by nearby local thefts. */
  highRiskSearch: {
    origin: '429005',
    originName: '潜江市',
    caseType: 'THEFT',
    town: '戴南',
    station: 'S-DN',
    marketId: 'M-DN-01',
    mo: ['不锈钢', '原材料', '夜间'],
    caseIds: Array.from({ length: 24 }, (_, i) => `CASE-DN-STEEL-${String(i + 1).padStart(2, '0')}`),
    expectedTop: 'P-LIU',
    expectedTopName: '刘建波',
    radiusM: 2000,
    slackHours: 3,
    expectedTopNearCases: 20,
    controls: {
      'P-QJ-2': '429005, works in 戴南 but is only there by day',
      'P-QJ-3': '429005, in 兴化城区 (about 30 km away) on theft nights',
      'P-QJ-4': '429005, in 张郭 (about 6 km away) on theft nights',
      'P-AH-1': '341221 临泉, near the market on eight theft nights, not the profile origin',
    },
  },

  /** Exact answers of the core link queries. */
  core: {
    search: [
      { text: '李国华', expectedFirst: 'Person:P-LI' },
      { text: '321281197804160373', expectedFirst: 'Person:P-LI' },
      { text: '13905231866', expectedPerson: 'Person:P-LI' },
      { text: '苏M52871', expectedPerson: 'Person:P-LI' },
      { text: '蔡永清', expectedFirst: 'Person:P-CAI' },
    ],
    expand: {
      uid: 'Person:P-LI',
      depth: 1,
      expectedNeighbours: [
        'Case:CASE-LI-FRAUD',
        'Location:C-ZY-01',
        'Location:H-ZY-03',
        'Person:P-GUO',
        'Person:P-LI-ASSOC',
        'Person:P-LI-BRO',
        'Person:P-LI-CONTACT1',
        'Person:P-LI-CONTACT2',
        'Person:P-LI-MOTHER',
        'Person:P-LI-OLD',
        'Person:P-LI-PARTNER',
        'Person:P-LI-WIFE',
        'Phone:13905231866',
        'Vehicle:苏M52871',
      ],
    },
    shortestPath: {
      from: 'Person:P-GUO-WIFE',
      to: 'Person:P-LI-OLD',
      hops: 3,
      nodes: ['Person:P-GUO-WIFE', 'Person:P-GUO', 'Person:P-LI', 'Person:P-LI-OLD'],
      relationTypes: ['FAMILY', 'PARTNER', 'OLD_RELATION'],
      /** The only shortest path, through person relations and through the whole graph. */
      unique: true,
    },
    commonAssociates: { a: 'P-LI-WIFE', b: 'P-LI-BRO', expected: ['P-LI', 'P-LI-MOTHER'] },
    /** Stays and logins of the person, passes of their cars, calls from or to their phones. */
    timeline: [
      { personId: 'P-LI-OLD', from: '2026-08-01', to: '2026-08-31', counts: { stay: 1, login: 0, pass: 2, call: 4, total: 7 } },
      { personId: 'P-LI', from: '2026-06-03', to: '2026-08-31', counts: { stay: 1, login: 1, pass: 2, call: 7, total: 11 } },
    ],
  },
} as const;

export type StoryFixture = typeof STORY_FIXTURE;
