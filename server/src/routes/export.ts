import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ClewError } from '../errors.js';
import { prepareExport, type ExportServices } from '../export/export-service.js';
import { parseExportRequest } from '../export/export-request.js';
import { FORMATS } from '../export/format-registry.js';
import { writePackage } from '../export/package/write-package.js';
import { hashRange } from '../export/package/zip-layout.js';

const STATUS: Partial<Record<string, number>> = { BAD_USER_INPUT: 400, NOT_FOUND: 404, TIMEOUT: 504, SERVICE_UNAVAILABLE: 503, FORBIDDEN: 403 };

/**
 * The export API (docs/export.md). Exports are files, so they are plain HTTP routes rather
 * than GraphQL fields; each names its policy, so security authenticates, authorizes,
 * requires a purpose, rate-limits and audits them as it does GraphQL.
 *   POST /api/export          one format, streamed as it is written
 *   POST /api/export/package  a signed evidence package (zip)
 *   GET  /api/export/public-key  the key that verifies packages (public)
 */
export async function registerExportRoutes(app: FastifyInstance, services: ExportServices): Promise<void> {
  const bodyLimit = services.config.export.bodyLimitBytes;

  app.post('/api/export', { bodyLimit, config: { policy: 'HTTP.export' } }, async (request, reply) =>
    answer(request, reply, async () => {
      const parsed = parseExportRequest(request.body, services.config, 'single');
      const doc = await prepareExport(services, parsed, request.clewSecurity, String(request.id));
      const info = FORMATS[parsed.formats[0]!];
      const stream = info.produce(doc, new Date(doc.createdAt));
      stream.on('error', (e) => request.log.error({ err: e, requestId: request.id }, 'export stream failed'));
      return reply
        .header('content-type', info.mediaType)
        .header('content-disposition', `attachment; filename="${downloadName(doc.requestId, info.fileName)}"`)
        .header('x-clew-export-id', doc.requestId)
        .send(stream);
    }),
  );

  app.post('/api/export/package', { bodyLimit, config: { policy: 'HTTP.exportPackage' } }, async (request, reply) =>
    answer(request, reply, async () => {
      const parsed = parseExportRequest(request.body, services.config, 'package');
      const doc = await prepareExport(services, parsed, request.clewSecurity, String(request.id));
      const key = services.signingKey();
      const written = await writePackage(doc, parsed.formats, key);
      const stream = createReadStream(written.file);
      stream.on('close', () => void written.dispose());
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="${downloadName(doc.requestId, 'evidence-package.zip')}"`)
        .header('x-clew-export-id', doc.requestId)
        .header('x-clew-package-sha256', await hashRange(written.file, 0, written.bytes))
        .header('x-clew-key-fingerprint', key.fingerprint)
        .send(stream);
    }),
  );

  app.get('/api/export/public-key', async (request, reply) => {
    const key = services.signingKey();
    if ((request.query as { format?: string }).format === 'pem') return reply.header('content-type', 'application/x-pem-file').send(key.publicKeyPem);
    return { algorithm: 'Ed25519', publicKeyPem: key.publicKeyPem, fingerprint: key.fingerprint };
  });
}

function downloadName(exportId: string, fileName: string): string {
  return `clew-${exportId.replace(/[^A-Za-z0-9-]/g, '').slice(0, 40)}-${fileName}`;
}

/** Coded errors become their HTTP status and a JSON body naming the field; the audit gets the code. */
async function answer(request: FastifyRequest, reply: FastifyReply, work: () => Promise<FastifyReply>): Promise<FastifyReply> {
  try {
    return await work();
  } catch (e) {
    if (!(e instanceof ClewError)) throw e;
    request.clewSecurity?.errorCodes.push(e.code);
    return reply.code(STATUS[e.code] ?? (e.httpStatus === 200 ? 400 : e.httpStatus)).send({ error: { code: e.code, message: e.message, ...e.extensions } });
  }
}
