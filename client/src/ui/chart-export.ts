import { exportEvidence, type EvidenceFormat } from '../api/export-api.js';
import type { GraphView } from '../graph/graph-view.js';
import { describeError } from './errors.js';
import { download, stamp } from './download.js';
import { t } from './i18n.js';
import { toast } from './toasts.js';

/** The chart as a picture: PNG (twice the screen's resolution) or SVG. */
export async function exportChart(view: GraphView, format: 'png' | 'svg'): Promise<string | null> {
  if (view.isEmpty) {
    toast(t('select.first'), 'warn');
    return null;
  }
  const name = `clew-chart-${stamp()}.${format}`;
  try {
    if (format === 'png') download(name, await view.exportPng());
    else download(name, view.exportSvg(), 'image/svg+xml');
    toast(t('export.done', { name }), 'ok');
    return name;
  } catch (e) {
    toast(t('export.failed', { message: (e as Error).message }), 'error');
    return null;
  }
}

/**
 * An evidence file or the signed package of what is on the chart (or of the selection, if
 * there is one). The server writes it from the database, not from the page.
 */
export async function exportEvidenceOf(view: GraphView, format: EvidenceFormat | 'PACKAGE'): Promise<string | null> {
  const scope = view.exportScope();
  if (scope.nodeIds.length === 0) {
    toast(t('select.first'), 'warn');
    return null;
  }
  toast(t('export.busy'));
  try {
    const { blob, fileName, sha256 } = await exportEvidence(format, { ...scope, title: t('export.title', { stamp: stamp() }) });
    download(fileName, blob);
    toast(sha256 ? t('export.package', { name: fileName, sha: sha256.slice(0, 16) }) : t('export.done', { name: fileName }), 'ok', 8000);
    return fileName;
  } catch (e) {
    toast(t('export.failed', { message: describeError(e) }), 'error');
    return null;
  }
}
