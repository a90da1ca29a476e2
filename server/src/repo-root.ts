import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root, found from this module's own path, never the working directory. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
