import type { Policy, PolicyTable, Who } from './policy.js';
import type { KeyScope, Role } from './roles.js';

/**
 * Who may call what: every field of the GraphQL schema has an entry here, or its type has
 * a `Type.*` entry. Anything without one is refused (deny by default), and
 * tests/unit/security-policy-coverage.test.ts fails until it has one.
 *
 * To add an operation: add a line under its area with the roles and API key scopes that
 * may call it, `purpose: true` if it looks up persons or runs a technique, a `cost` if it
 * walks much of the graph; add `Type.*: FIELDS` for each new result type. docs/security.md
 * says more, and the role × operation test (tests/integration/security-matrix.int.test.ts)
 * shows what each role gets.
 */

const who = (roles: readonly Role[], scopes: readonly KeyScope[] = []): Who => ({ roles, scopes });

/** The intelligence centre's analysts and the investigators: the whole link analysis. */
const INVESTIGATING: readonly Role[] = ['ANALYST', 'INVESTIGATOR'];
/** Everyone who reads records: station officers verify persons named in their orders, supervisors review. */
const READING: readonly Role[] = ['ANALYST', 'INVESTIGATOR', 'STATION_OFFICER', 'SUPERVISOR'];
const EVERY_ROLE: readonly Role[] = ['ANALYST', 'INVESTIGATOR', 'STATION_OFFICER', 'SUPERVISOR', 'ADMINISTRATOR'];

/** A result type's fields: visible to whoever may call the operation that returned it. */
const FIELDS: Policy = { allow: 'INHERIT' };

export const POLICIES: PolicyTable = {
  // ── Accounts (administrators manage accounts and keys but read no case data: 三权分立)
  'Mutation.signIn': { allow: 'PUBLIC' },
  'Mutation.signOut': { allow: who(EVERY_ROLE) },
  'Mutation.changePassword': { allow: who(EVERY_ROLE) },
  'Query.me': { allow: 'SIGNED_IN' },
  'Query.users': { allow: who(['ADMINISTRATOR']) },
  'Mutation.createUser': { allow: who(['ADMINISTRATOR']) },
  'Mutation.unlockUser': { allow: who(['ADMINISTRATOR']) },
  'Mutation.setUserStatus': { allow: who(['ADMINISTRATOR']) },
  'Mutation.resetPassword': { allow: who(['ADMINISTRATOR']) },
  'Query.apiKeys': { allow: who(['ADMINISTRATOR']) },
  'Mutation.createApiKey': { allow: who(['ADMINISTRATOR']) },
  'Mutation.revokeApiKey': { allow: who(['ADMINISTRATOR']) },
  'SignInResult.*': FIELDS,
  'Viewer.*': FIELDS,
  'User.*': FIELDS,
  'ApiKey.*': FIELDS,
  'CreatedApiKey.*': FIELDS,

  // ── Supervision (网上督察): the audit trail is for supervisors only
  'Query.auditTrail': { allow: who(['SUPERVISOR']), cost: 5 },
  'Query.verifyAuditTrail': { allow: who(['SUPERVISOR']), cost: 5 },
  'AuditChainVerdict.*': FIELDS,
  'AuditConnection.*': FIELDS,
  'AuditRecord.*': FIELDS,
  'AuditActor.*': FIELDS,
  'AuditPurpose.*': FIELDS,

  // ── Unmasking: explicit, audited; its required `reason` argument is the purpose. Keys
  // also need REVEAL_WITH_REASON identifier access (checked by the resolver).
  'Query.unmaskPerson': { allow: who(READING, ['READ']), unmasked: true },
  'UnmaskedPerson.*': FIELDS,

  // ── Records and search (foundation)
  'Query.search': { allow: who(READING, ['READ']), purpose: true, cost: 2 },
  'Query.person': { allow: who(READING, ['READ']), purpose: true },
  'Query.personByIdNumber': { allow: who(READING, ['READ']), purpose: true },
  'Query.case': { allow: who(READING, ['READ']) },
  'Query.location': { allow: who(READING, ['READ']) },
  'Query.dataExtent': { allow: 'SIGNED_IN' },
  'DataExtent.*': FIELDS,
  // Any selection that reaches a person is a person look-up and needs a purpose.
  'Person.*': { allow: 'INHERIT', purpose: true },
  'Case.*': FIELDS,
  'Involvement.*': FIELDS,
  'Location.*': FIELDS,
  'Station.*': FIELDS,
  'Provenance.*': FIELDS,
  'SearchConnection.*': FIELDS,
  'SearchEdge.*': FIELDS,
  'SearchHit.*': FIELDS,
  'PageInfo.*': FIELDS,

  // ── Link analysis (foundation): graph walks around persons
  'Query.expand': { allow: who(INVESTIGATING, ['GRAPH']), purpose: true, cost: 10 },
  'Query.paths': { allow: who(INVESTIGATING, ['GRAPH']), purpose: true, cost: 10 },
  'Query.commonAssociates': { allow: who(INVESTIGATING, ['GRAPH']), purpose: true, cost: 10 },
  'Query.timeline': { allow: who(INVESTIGATING, ['GRAPH']), purpose: true, cost: 5 },
  'Subgraph.*': FIELDS,
  'GraphNode.*': FIELDS,
  'GraphEdge.*': FIELDS,
  'OmittedNeighbours.*': FIELDS,
  'PathSet.*': FIELDS,
  'Path.*': FIELDS,
  'PathHop.*': FIELDS,
  'CommonAssociates.*': FIELDS,
  'CommonAssociate.*': FIELDS,
  'Timeline.*': FIELDS,
  'TimelineEvent.*': FIELDS,
  // Saved charts keep ids and an arrangement, no records: opening one reads its elements
  // again (chartElements), with a purpose, as any walk of the graph would.
  'Query.savedCharts': { allow: who(INVESTIGATING) },
  'Query.savedChart': { allow: who(INVESTIGATING) },
  'Query.chartElements': { allow: who(INVESTIGATING), purpose: true, cost: 10 },
  'Mutation.saveChart': { allow: who(INVESTIGATING) },
  'Mutation.deleteSavedChart': { allow: who(INVESTIGATING) },
  'SavedChart.*': FIELDS,
  'SavedChartPage.*': FIELDS,
  'ChartElements.*': FIELDS,

  // ── Ingest (issue 3, docs/ingest.md): the centre's analysts and other units' systems
  // (INGEST keys) import; supervisors review jobs and data quality; identity links name
  // persons, so reviewing them needs a purpose.
  'Query.importJob': { allow: who(['ANALYST', 'SUPERVISOR'], ['INGEST']) },
  'Query.importJobs': { allow: who(['ANALYST', 'SUPERVISOR'], ['INGEST']) },
  'Query.dataQuality': { allow: who(['ANALYST', 'SUPERVISOR'], ['INGEST']), cost: 2 },
  'Query.identityLinks': { allow: who(['ANALYST', 'INVESTIGATOR', 'SUPERVISOR']), purpose: true, cost: 2 },
  'Mutation.importRecords': { allow: who(['ANALYST'], ['INGEST']), cost: 10 },
  'Mutation.resumeImportJob': { allow: who(['ANALYST'], ['INGEST']) },
  'Mutation.confirmIdentity': { allow: who(['ANALYST']), purpose: true },
  'Mutation.rejectIdentity': { allow: who(['ANALYST']), purpose: true },
  'Mutation.undoIdentityDecision': { allow: who(['ANALYST']), purpose: true },
  'HTTP.importUpload': { allow: who(['ANALYST'], ['INGEST']) },
  'HTTP.importRejectionReport': { allow: who(['ANALYST', 'SUPERVISOR'], ['INGEST']) },
  'ImportJob.*': FIELDS,
  'ImportJobPage.*': FIELDS,
  'ImportRejection.*': FIELDS,
  'RejectionProblem.*': FIELDS,
  'SourceQuality.*': FIELDS,
  'KindQuality.*': FIELDS,
  'FieldCompleteness.*': FIELDS,
  'QualityReasonCount.*': FIELDS,
  'IdentityLink.*': FIELDS,
  'IdentityLinkPage.*': FIELDS,
  'IdentityDecision.*': FIELDS,
  // ── The four techniques (issue 4, docs/techniques.md). Runs need a purpose and are
  // recorded (who, arguments, result summary); station officers see and answer only their
  // own station's orders (the resolvers confine them with confinedToUnit).
  'Query.traceAssociates': { allow: who(INVESTIGATING, ['TECHNIQUES']), purpose: true, cost: 10 },
  'Query.linkCases': { allow: who(INVESTIGATING, ['TECHNIQUES']), purpose: true, cost: 10 },
  'Query.coTravellers': { allow: who(INVESTIGATING, ['TECHNIQUES']), purpose: true, cost: 10 },
  'Query.highRiskSearch': { allow: who(INVESTIGATING, ['TECHNIQUES']), purpose: true, cost: 10 },
  'Mutation.runCollision': { allow: who(['ANALYST'], ['TECHNIQUES']), purpose: true, cost: 10 },
  'Query.techniqueRun': { allow: who(['ANALYST', 'INVESTIGATOR', 'SUPERVISOR'], ['TECHNIQUES']) },
  'Query.techniqueRuns': { allow: who(['ANALYST', 'INVESTIGATOR', 'SUPERVISOR'], ['TECHNIQUES']), cost: 2 },
  'Query.watchLists': { allow: who(['ANALYST', 'INVESTIGATOR', 'SUPERVISOR'], ['TECHNIQUES']) },
  'Query.watchEntries': { allow: who(['ANALYST', 'INVESTIGATOR', 'SUPERVISOR'], ['TECHNIQUES']), purpose: true },
  'Mutation.saveWatchList': { allow: who(['ANALYST']) },
  'Mutation.addWatchEntry': { allow: who(['ANALYST'], ['TECHNIQUES']), purpose: true },
  'Mutation.removeWatchEntry': { allow: who(['ANALYST']) },
  'Query.orders': { allow: who(READING, ['ORDERS']), cost: 2 },
  'Query.order': { allow: who(READING, ['ORDERS']) },
  'Mutation.acknowledgeOrder': { allow: who(['STATION_OFFICER', 'ANALYST'], ['ORDERS']) },
  'Mutation.answerOrder': { allow: who(['STATION_OFFICER', 'ANALYST'], ['ORDERS']) },
  'Mutation.closeOrder': { allow: who(['ANALYST']) },
  'Subscription.orderChanged': { allow: who(READING, ['ORDERS']) },
  'Subscription.alertRaised': { allow: who(INVESTIGATING, ['TECHNIQUES']) },
  'Query.standingWatches': { allow: who(['ANALYST', 'INVESTIGATOR', 'SUPERVISOR'], ['TECHNIQUES']) },
  'Query.alerts': { allow: who(['ANALYST', 'INVESTIGATOR', 'SUPERVISOR'], ['TECHNIQUES']), cost: 2 },
  'Mutation.watchPerson': { allow: who(INVESTIGATING), purpose: true },
  'Mutation.endWatch': { allow: who(INVESTIGATING) },
  'Query.riskProfiles': { allow: who(['ANALYST', 'INVESTIGATOR', 'SUPERVISOR'], ['TECHNIQUES']) },
  'Query.riskProfileHistory': { allow: who(['ANALYST', 'INVESTIGATOR', 'SUPERVISOR'], ['TECHNIQUES']) },
  'Mutation.saveRiskProfile': { allow: who(['ANALYST']) },
  'TechniqueRun.*': FIELDS,
  'ScorePart.*': FIELDS,
  'TraceResult.*': FIELDS,
  'TracePlace.*': FIELDS,
  'TraceWindow.*': FIELDS,
  'TraceAssociateAtPlace.*': FIELDS,
  'TraceAssociate.*': FIELDS,
  'TraceSighting.*': FIELDS,
  'CollisionResult.*': FIELDS,
  'CollisionCounts.*': FIELDS,
  'CollisionHit.*': FIELDS,
  'CollisionGroup.*': FIELDS,
  'CollisionOrder.*': FIELDS,
  'WatchList.*': FIELDS,
  'GroupRule.*': FIELDS,
  'WatchEntry.*': FIELDS,
  'WatchEntryPage.*': FIELDS,
  'VerificationOrder.*': FIELDS,
  'OrderPage.*': FIELDS,
  'OrderChange.*': FIELDS,
  'StandingWatch.*': FIELDS,
  'Alert.*': FIELDS,
  // A name is a person look-up: as Person.*, it needs a purpose.
  'StandingWatch.personName': { allow: 'INHERIT', purpose: true },
  'Alert.personName': { allow: 'INHERIT', purpose: true },
  'Alert.associateName': { allow: 'INHERIT', purpose: true },
  'LinkCasesResult.*': FIELDS,
  'SimilarCase.*': FIELDS,
  'OffenderTest.*': FIELDS,
  'CoincidenceScore.*': FIELDS,
  'CoTravellersResult.*': FIELDS,
  'CoTraveller.*': FIELDS,
  'CoPresence.*': FIELDS,
  'HighRiskResult.*': FIELDS,
  'Hotspot.*': FIELDS,
  'RiskCandidate.*': FIELDS,
  'RiskProfile.*': FIELDS,

  // ── Evidence export (issue 7, docs/export.md): the HTTP routes are authorized, masked
  // (by the export itself: its files are streams) and audited like GraphQL; an export is a
  // person look-up, so it needs a purpose, which the package's manifest records.
  'HTTP.export': { allow: who(INVESTIGATING, ['EXPORT']), purpose: true, cost: 10 },
  'HTTP.exportPackage': { allow: who(INVESTIGATING, ['EXPORT']), purpose: true, cost: 10 },
  'Query.exportFormats': { allow: 'SIGNED_IN' },
  // The key that verifies packages is public on purpose: a court or defence must be able to check one.
  'Query.exportPublicKey': { allow: 'PUBLIC' },
  'ExportFormatInfo.*': FIELDS,
  'ExportPublicKey.*': FIELDS,
};
