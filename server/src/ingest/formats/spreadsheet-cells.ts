import { DATE_FIELDS } from './kind-names.js';
import type { RecordKind } from '../record-kinds.js';

/** Date-time fields across the kinds: cells there hold day numbers or dates in spreadsheets. */
const DATE_TIME_FIELDS = new Set(['checkIn', 'checkOut', 'at', 'until', 'occurredFrom', 'occurredTo']);

/** Excel counts days from 1899-12-30 (the 1900 leap-year bug included). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * A spreadsheet cell as the exchange format reads it. Dates in Excel carry no time zone: the
 * wall-clock time is written without an offset, which the exchange format reads as China
 * Standard Time. Long numbers (an 18-digit resident ID typed as a number) have lost their last
 * digits inside Excel already; they are passed on as written so validation names the field.
 */
export function spreadsheetCell(value: unknown, field: string, kind: string | undefined): unknown {
  const isDate = kind !== undefined && (DATE_FIELDS[kind as RecordKind] ?? []).includes(field);
  const isDateTime = !isDate && DATE_TIME_FIELDS.has(field);
  if (value instanceof Date) return wallClock(value, isDate);
  if (typeof value === 'number' && (isDate || isDateTime) && value > 0 && value < 2_958_466) {
    return wallClock(new Date(EXCEL_EPOCH_MS + Math.round(value * DAY_MS)), isDate);
  }
  if (value !== null && typeof value === 'object') return objectCell(value as Record<string, unknown>, field, kind);
  if (typeof value === 'boolean') return String(value);
  return value;
}

function objectCell(cell: Record<string, unknown>, field: string, kind: string | undefined): unknown {
  if (Array.isArray(cell.richText)) return (cell.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
  if ('result' in cell) return spreadsheetCell(cell.result, field, kind);
  if (typeof cell.text === 'string') return cell.text;
  if ('error' in cell) return String(cell.error);
  return JSON.stringify(cell);
}

function wallClock(date: Date, dateOnly: boolean): string {
  const iso = date.toISOString();
  return dateOnly ? iso.slice(0, 10) : iso.slice(0, 19);
}
