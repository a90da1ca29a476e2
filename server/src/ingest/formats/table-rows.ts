import type { FieldProblem } from '../field-reader.js';
import type { RecordKind } from '../record-kinds.js';
import type { SourceNotice } from '../source-record.js';
import { KIND_FIELDS, PROVENANCE_FIELDS } from './kind-names.js';

export interface TableContext {
  file: string;
  sheet?: string;
  /** The kind the file or sheet name says, used when there is no `kind` column. */
  kindFromName?: RecordKind;
  onNotice?: (notice: SourceNotice) => void;
  /** Turns a cell into what the exchange format expects (dates from spreadsheets). */
  convert?: (value: unknown, field: string, kind: string | undefined) => unknown;
}

const ALL_FIELDS = [...new Set([...Object.values(KIND_FIELDS).flat(), ...PROVENANCE_FIELDS, 'kind'])];

/**
 * Turns the rows of a table (CSV file or spreadsheet sheet) into exchange-format records:
 * the header row names the fields (matched without regard to case), the kind comes from a
 * `kind` column or else from the file or sheet name. Unknown columns are ignored and
 * reported once.
 */
export class TableRows {
  private readonly columns: (string | undefined)[];
  readonly hasKindColumn: boolean;

  constructor(
    header: readonly unknown[],
    private readonly ctx: TableContext,
  ) {
    const known = new Map(ALL_FIELDS.map((f) => [f.toLowerCase(), f]));
    const ignored: string[] = [];
    this.columns = header.map((cell) => {
      const name = cell === null || cell === undefined ? '' : String(cell).replace(/^\uFEFF/, '').trim();
      if (name === '') return undefined;
      const field = known.get(name.toLowerCase());
      if (!field) ignored.push(name);
      return field;
    });
    this.hasKindColumn = this.columns.includes('kind');
    if (ignored.length > 0 && this.kindKnown) {
      ctx.onNotice?.({
        file: ctx.file,
        ...(ctx.sheet ? { sheet: ctx.sheet } : {}),
        message: `ignored columns that are no exchange-format field: ${ignored.join(', ')}`,
        messageZh: `忽略了不属于交换格式字段的列：${ignored.join('、')}`,
      });
    }
  }

  /** Whether the kind of every row can be known at all. */
  get kindKnown(): boolean {
    return this.hasKindColumn || this.ctx.kindFromName !== undefined;
  }

  get width(): number {
    return this.columns.length;
  }

  /** One row as a record; `strictWidth` (CSV) rejects a row with fewer or more cells than the header. */
  record(cells: readonly unknown[], strictWidth: boolean): { raw: Record<string, unknown>; problem?: FieldProblem } {
    const raw: Record<string, unknown> = {};
    if (!this.hasKindColumn && this.ctx.kindFromName) raw.kind = this.ctx.kindFromName;
    const kindCell = this.hasKindColumn ? cells[this.columns.indexOf('kind')] : undefined;
    const kind = kindCell !== undefined && kindCell !== null ? String(kindCell).trim().toLowerCase() : this.ctx.kindFromName;
    this.columns.forEach((field, i) => {
      const value = cells[i];
      if (field === undefined || value === undefined || value === null || value === '') return;
      raw[field] = this.ctx.convert ? this.ctx.convert(value, field, kind) : value;
    });
    if (!this.kindKnown) {
      return {
        raw,
        problem: { field: 'kind', reason: 'the file name names no record kind and there is no kind column', reasonZh: '文件名中没有记录类型，也没有 kind 列', rule: 'kind' },
      };
    }
    if (strictWidth && cells.length !== this.columns.length) {
      const extra = cells.slice(this.columns.length).some((c) => c !== '' && c !== null && c !== undefined);
      if (cells.length < this.columns.length || extra) {
        return {
          raw,
          problem: {
            field: '(row)',
            reason: `has ${cells.length} values but the header names ${this.columns.length} columns`,
            reasonZh: `有 ${cells.length} 个值，但表头有 ${this.columns.length} 列`,
            rule: 'columns',
          },
        };
      }
    }
    return { raw };
  }
}
