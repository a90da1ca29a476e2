import { createHash } from 'node:crypto';
import { cypher } from '../../db/cypher-files.js';
import type { ExportDocument, ExportFormat } from '../export-types.js';

export const MANIFEST_NAME = 'manifest.json';
export const MANIFEST_SIGNATURE_NAME = 'manifest.sig';
export const PACKAGE_FORMAT = 'clew-evidence-package/1';

export interface ManifestFile {
  name: string;
  format: ExportFormat;
  mediaType: string;
  bytes: number;
  sha256: string;
}

/**
 * What a package states about itself, in manifest.json, signed in manifest.sig: what
 * produced it (operation, arguments, the technique run, each Cypher statement with the
 * hash of its text), who asked, for which unit and purpose, when, the database state read,
 * the counts, and every file's size and SHA-256. The public key that verifies it is here
 * too, with its fingerprint to compare with the one Clew publishes.
 */
export function buildManifest(doc: ExportDocument, files: ManifestFile[], key: { publicKeyPem: string; fingerprint: string }) {
  const count = (values: string[]) => Object.fromEntries([...values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>())].sort());
  return {
    format: PACKAGE_FORMAT,
    exportId: doc.requestId,
    title: doc.title,
    createdAt: doc.createdAt,
    producedBy: {
      operation: doc.origin.operation,
      arguments: doc.origin.arguments,
      ...(doc.origin.techniqueRun ? { techniqueRun: doc.origin.techniqueRun } : {}),
      statements: doc.origin.statements.map((file) => ({ file: `cypher/${file}.cypher`, sha256: sha256(cypher(file)) })),
    },
    requestedBy: { kind: doc.requester.kind, name: doc.requester.name, role: doc.requester.role, unit: doc.requester.unit },
    purpose: { caseNumber: doc.requester.caseNumber, reason: doc.requester.reason },
    database: doc.database,
    counts: {
      nodes: doc.subgraph.nodes.length,
      edges: doc.subgraph.edges.length,
      paths: doc.paths.length,
      contextRecords: doc.context.length,
      nodesByKind: count(doc.subgraph.nodes.map((n) => n.kind)),
      edgesByKind: count(doc.subgraph.edges.map((e) => e.kind)),
    },
    truncated: doc.subgraph.truncated,
    masked: doc.masked,
    audit: { requestId: doc.requestId, note: "The audit trail's record of this export has this request id." },
    files,
    signature: {
      algorithm: 'Ed25519',
      signedFile: MANIFEST_NAME,
      signatureFile: MANIFEST_SIGNATURE_NAME,
      publicKey: key.publicKeyPem,
      keyFingerprint: key.fingerprint,
      publishedAt: 'GET /api/export/public-key',
    },
    verify: 'npm run verify-export -- PACKAGE.zip [--public-key clew-export-key.pem]',
  };
}

export type Manifest = ReturnType<typeof buildManifest>;

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
