import type { IResolvers } from 'mercurius';
import { EXPORT_FORMATS } from '../../export/export-types.js';
import { FORMATS } from '../../export/format-registry.js';
import { loadSigningKey } from '../../export/package/signing-key.js';
import type { ClewContext } from '../context.js';

/** What the export API offers; the exports themselves are HTTP routes (routes/export.ts). */
export const exportResolvers: IResolvers<unknown, ClewContext> = {
  Query: {
    exportFormats: () => EXPORT_FORMATS.map((f) => ({ format: f, fileName: FORMATS[f].fileName, mediaType: FORMATS[f].mediaType, description: FORMATS[f].description })),
    exportPublicKey: (_root, _args, ctx) => {
      const key = loadSigningKey(ctx.config.export.keyFile);
      return { algorithm: 'Ed25519', publicKeyPem: key.publicKeyPem, fingerprint: key.fingerprint };
    },
  },
};
