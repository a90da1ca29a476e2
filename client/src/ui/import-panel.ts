import { importJobs, importRejections, rejectionReport, resumeImportJob, uploadImport, type ImportJob, type ImportRejection } from '../api/imports-api.js';
import { clear, h, type Child } from './dom.js';
import { download } from './download.js';
import { reportError } from './errors.js';
import { fieldWithName, formatTime, onLanguageChange, t, tk } from './i18n.js';
import { IdentityReview } from './identity-review.js';
import { ImportQuality } from './import-quality.js';
import { field } from './technique-kit.js';

const PAGE = 20;
const POLL_MS = 1500;

/**
 * Imports (数据导入): an analyst hands Clew the day's exports (NDJSON, CSV, Excel; UTF-8 or
 * GBK), sees each job's progress and counts, the rejected records with file, line, field and
 * reason, and downloads the rejection report. Supervisors see the jobs without the form.
 * While a job runs the list is read again every 1.5 s.
 */
export class ImportPanel {
  readonly el: HTMLElement;
  private readonly files = h('input', { type: 'file', id: 'import-files', multiple: true, accept: '.ndjson,.jsonl,.json,.csv,.tsv,.txt,.xlsx' });
  private readonly source = h('input', { type: 'text', id: 'import-source', autocomplete: 'off', i18nPlaceholder: 'import.sourceHint' });
  private readonly info = h('p', { class: 'muted small', id: 'import-info' });
  private readonly list = h('ol', { class: 'import-list', id: 'import-list' });
  private readonly more = h('button', { type: 'button', class: 'small', id: 'import-more', i18n: 'import.more', hidden: true, onclick: () => void this.load(this.jobs.length + PAGE) });
  private jobs: ImportJob[] = [];
  private total = 0;
  private readonly rejections = new Map<string, ImportRejection[]>();
  private poll: ReturnType<typeof setTimeout> | null = null;
  /** The jobs running at the last read (and those just sent), so that each one ending is noticed. */
  private running = new Set<string>();
  private readonly quality = new ImportQuality();
  private readonly identities: IdentityReview;

  constructor(private readonly canImport: boolean) {
    this.identities = new IdentityReview(canImport);
    const form = h(
      'form',
      { class: 'import-form' },
      field('import.files', this.files),
      field('import.source', this.source),
      h('button', { type: 'submit', class: 'primary', id: 'import-run', i18n: 'import.run' }),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.upload();
    });
    this.el = h(
      'section',
      { class: 'panel import-panel' },
      h('h2', { i18n: 'import.heading' }),
      h('p', { class: 'muted small', i18n: canImport ? 'import.intro' : 'import.introReadOnly' }),
      canImport ? form : null,
      this.info,
      this.list,
      this.more,
      this.quality.el,
      this.identities.el,
    );
    onLanguageChange(() => {
      this.render();
      // The server words notices and rejections in the page's language: read them again.
      if (this.jobs.length > 0) void this.load(this.jobs.length);
      void this.rereadShownRejections();
    });
  }

  /** Reads the jobs, the data quality and the identities to review when the tab is opened. */
  async refresh(): Promise<void> {
    await Promise.all([this.load(Math.max(PAGE, this.jobs.length)), this.quality.refresh(), this.identities.refresh()]);
  }

  private async upload(): Promise<void> {
    const chosen = [...(this.files.files ?? [])];
    if (chosen.length === 0) {
      this.info.textContent = t('import.chooseFiles');
      return;
    }
    this.info.textContent = t('import.sending', { count: chosen.length });
    try {
      // One job per file, sent one after another: each file's rejections name that file.
      // Each is watched until it ends, however quickly: a small file may be done before the list is read.
      for (const file of chosen) this.running.add((await uploadImport(file, this.source.value.trim() || null)).id);
      this.files.value = '';
      await this.load(Math.max(PAGE, this.jobs.length));
    } catch (e) {
      this.info.textContent = '';
      reportError(e);
    }
  }

  private async load(count: number): Promise<void> {
    try {
      const page = await importJobs(count, 0);
      this.jobs = page.items;
      this.total = page.totalCount;
      this.render();
      this.schedulePoll();
    } catch (e) {
      reportError(e);
    }
  }

  private schedulePoll(): void {
    if (this.poll) clearTimeout(this.poll);
    this.poll = null;
    const running = new Set(this.jobs.filter((j) => j.status === 'RUNNING').map((j) => j.id));
    // A job has just ended: its records now count in the data quality, and its persons may need
    // review. Each job counts on its own: another unit's import still running must not hold back
    // the figures of the one that finished.
    if ([...this.running].some((id) => !running.has(id))) void Promise.all([this.quality.refresh(), this.identities.refresh()]);
    this.running = running;
    if (running.size === 0 || !this.el.isConnected) return;
    this.poll = setTimeout(() => void this.load(Math.max(PAGE, this.jobs.length)), POLL_MS);
  }

  private render(): void {
    clear(this.list);
    this.info.textContent = this.jobs.length ? t('import.count', { count: this.jobs.length, total: this.total }) : t('import.none');
    for (const job of this.jobs) this.list.appendChild(this.card(job));
    this.more.hidden = this.jobs.length >= this.total;
  }

  private card(job: ImportJob): HTMLElement {
    const shown = this.rejections.get(job.id);
    const counts = (['read', 'accepted', 'rejected', 'unchanged', 'duplicates'] as const).map((k) => h('span', { class: `count count-${k}${job[k] > 0 ? ' nonzero' : ''}` }, t(`import.${k}`, { count: job[k] })));
    return h(
      'li',
      { class: `import-job job-${job.status}`, 'data-id': job.id },
      h('div', { class: 'import-head' }, h('strong', {}, job.files.join('、') || job.id), h('span', { class: `status status-${job.status}` }, tk('import.status', job.status))),
      h('p', { class: 'small muted' }, [formatTime(job.startedAt), job.principal, job.source].filter(Boolean).join(' · ')),
      job.status === 'RUNNING' ? h('progress', { max: '1', value: String(job.progress) }) : null,
      h('p', { class: 'small import-counts' }, ...counts),
      ...job.notices.map((n) => h('p', { class: 'small muted' }, n)),
      job.error ? h('p', { class: 'small error-text' }, job.error) : null,
      // A job whose process died or failed runs again over its files; what it wrote counts once.
      this.canImport && (job.status === 'INTERRUPTED' || job.status === 'FAILED')
        ? h('div', { class: 'import-actions' }, h('button', { type: 'button', class: 'small primary resume', i18n: 'import.resume', onclick: () => void this.resume(job.id) }))
        : null,
      job.rejected > 0
        ? h(
            'div',
            { class: 'import-actions' },
            h('button', { type: 'button', class: 'small show-rejections', i18n: shown ? 'import.hideRejections' : 'import.showRejections', onclick: () => void this.toggleRejections(job.id) }),
            h('button', { type: 'button', class: 'small download-rejections', i18n: 'import.downloadRejections', onclick: () => void this.downloadReport(job) }),
          )
        : null,
      shown ? h('ol', { class: 'import-rejections' }, ...shown.map((r) => rejectionItem(r))) : null,
    );
  }

  private async resume(id: string): Promise<void> {
    try {
      await resumeImportJob(id);
      this.running.add(id);
      await this.load(Math.max(PAGE, this.jobs.length));
    } catch (e) {
      reportError(e);
    }
  }

  private async rereadShownRejections(): Promise<void> {
    try {
      for (const id of [...this.rejections.keys()]) this.rejections.set(id, await importRejections(id));
    } catch (e) {
      reportError(e);
    }
    this.render();
  }

  private async toggleRejections(id: string): Promise<void> {
    if (this.rejections.has(id)) this.rejections.delete(id);
    else {
      try {
        this.rejections.set(id, await importRejections(id));
      } catch (e) {
        reportError(e);
      }
    }
    this.render();
  }

  private async downloadReport(job: ImportJob): Promise<void> {
    try {
      download(`${job.id}-rejections.csv`, await rejectionReport(job.rejectionReportPath));
    } catch (e) {
      reportError(e);
    }
  }
}

/**
 * A rejected record: where, which field, the broken rule and the server's reason, both in the
 * page's language; then the same record's other problems, so all of them are fixed at once.
 */
function rejectionItem(r: ImportRejection): HTMLElement {
  const others = r.otherProblems;
  return h(
    'li',
    { class: 'small', 'data-rule': r.rule },
    h('span', { class: 'where' }, place(r)),
    ' ',
    ...problemParts(r),
    others.length
      ? h('div', { class: 'other-problems' }, t('import.otherProblems'), h('ul', {}, ...others.map((o) => h('li', { 'data-rule': o.rule }, ...problemParts(o)))))
      : null,
  );
}

function problemParts(p: { field: string; rule: string; reason: string }): Child[] {
  return [h('strong', {}, fieldWithName(p.field)), t('import.broken', { rule: tk('import.rule', p.rule) }), h('span', { class: 'muted reason' }, t('import.reason', { reason: p.reason }))];
}

/** Where a rejected record was: file and line, or sheet and row. */
function place(r: ImportRejection): string {
  if (r.sheet) return `${r.file} [${r.sheet}] ${t('import.row', { row: r.row ?? '?' })}`;
  return `${r.file} ${t('import.line', { line: r.line ?? '?' })}`;
}
