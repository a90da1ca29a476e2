import { describe, expect, it } from 'vitest';
import { RecordRejected } from '../../server/src/ingest/field-reader.js';
import { furtherProblems, normalizeRecord } from '../../server/src/ingest/normalize-record.js';

function problem(raw: unknown) {
  try {
    normalizeRecord(raw, 1);
  } catch (e) {
    if (e instanceof RecordRejected) return e.problem;
    throw e;
  }
  return undefined;
}

describe('exchange-format records', () => {
  it('accepts every example record of EXCHANGE-FORMAT.md', () => {
    const examples = [
      { kind: 'region', code: '321281', name: '兴化市', parent: '321200' },
      { kind: 'station', id: 'S-XC', name: '新城派出所', region: '321281' },
      { kind: 'location', id: 'H-017', type: 'HOTEL', name: '平安旅社', lat: 32.93, lon: 119.85, region: '321281', town: '新城', station: 'S-XC' },
      { kind: 'person', id: 'P-1001', name: '王某', idNumber: '11010519491231002X', gender: 'F', birthDate: '1949-12-31', origin: '430124', employment: 'UNEMPLOYED', tags: ['DRUG_USER'] },
      { kind: 'stay', person: 'P-1001', location: 'H-017', checkIn: '2026-03-27T21:40:00+08:00', room: '203', source: 'hotel-registry' },
      { kind: 'relation', from: 'P-1001', to: 'P-1002', type: 'ASSOCIATE', since: '2024-05-01' },
    ];
    for (const e of examples) expect(problem(e)).toBeUndefined();
  });

  it('names the field and the reason for each broken rule', () => {
    expect(problem({ kind: 'person', name: 'x' })).toEqual({ field: 'id', reason: 'is required', reasonZh: '为必填项，但未填写', rule: 'required' });
    expect(problem({ kind: 'person', id: 'P', name: 'x', idNumber: '110105194912310021' })?.field).toBe('idNumber');
    expect(problem({ kind: 'person', id: 'P', name: 'x', idNumber: '11010519491231002X', birthDate: '1950-01-01' })?.field).toBe('birthDate');
    expect(problem({ kind: 'location', id: 'L', type: 'HOTEL', name: 'n', lat: 95, lon: 120 })).toMatchObject({ field: 'lat' });
    expect(problem({ kind: 'relation', from: 'a', to: 'b', type: 'FRIEND' })).toMatchObject({ field: 'type' });
    expect(problem({ kind: 'stay', person: 'a', location: 'b', checkIn: '27/03/2026' })).toMatchObject({ field: 'checkIn' });
    expect(problem({ kind: 'spaceship' })).toMatchObject({ field: 'kind' });
    expect(problem('not json')).toMatchObject({ field: 'kind' });
  });

  it('gives every reason in Chinese too, with the same particulars', () => {
    const broken: [unknown, string][] = [
      [{ kind: 'person', id: 'P', name: 'x', idNumber: '110105194912310021' }, '校验码是 1，按 GB 11643 应为 X'],
      [{ kind: 'person', id: 'P', name: 'x', idNumber: '11010519491231002X', birthDate: '1950-01-01' }, '1950-01-01 与身份证号中的出生日期 1949-12-31 不符'],
      [{ kind: 'person', id: 'P', name: 'x', gender: 'Q' }, '"Q" 不在可选值 M、F 之中'],
      [{ kind: 'person', id: 'P', name: 'x', phones: ['1380000', 'call me'] }, '"call me" 不是电话号码'],
      [{ kind: 'person', id: 'P', name: 'x', origin: '3212' }, '"3212" 不是 6 位行政区划代码'],
      [{ kind: 'location', id: 'L', type: 'HOTEL', name: 'n', lat: 95, lon: 120 }, '不能大于 90，实际是 95'],
      [{ kind: 'location', id: 'L', type: 'HOTEL', name: 'n', lat: 'north', lon: 120 }, '应为数字，实际是 "north"'],
      [{ kind: 'stay', person: 'a', location: 'b', checkIn: '27/03/2026' }, '"27/03/2026" 不是 ISO 8601 日期时间（例如 2026-03-27T21:40:00+08:00）'],
      [{ kind: 'stay', person: 'a', location: 'b', checkIn: '2026-03-27T21:40:00', checkOut: '2026-03-27T08:00:00' }, '早于 checkIn'],
      [{ kind: 'relation', from: 'a', to: 'a', type: 'ASSOCIATE' }, '与 from 是同一个人'],
      [{ kind: 'person', id: 'P', name: 'x'.repeat(300) }, '长 300 个字符，最多接受 100 个'],
      [{ kind: 'spaceship' }, '"spaceship" 不是交换格式中的记录类型'],
      ['not json', '这一行不是 JSON 对象'],
    ];
    for (const [raw, zh] of broken) expect(problem(raw)?.reasonZh, JSON.stringify(raw)).toBe(zh);
  });

  it('keys the same stay written in two time zones identically', () => {
    const a = normalizeRecord({ kind: 'stay', person: 'P', location: 'H', checkIn: '2026-03-27T21:40:00' }, 1);
    const b = normalizeRecord({ kind: 'stay', person: 'P', location: 'H', checkIn: '2026-03-27T13:40:00Z' }, 2);
    expect(a.row.key).toBe(b.row.key);
  });

  it('reads gender as Chinese registries write it (男/女, GB/T 2261.1 codes 1/2) and stores it as M/F', () => {
    const person = (gender: unknown) => normalizeRecord({ kind: 'person', id: 'P', name: '王某', gender }, 1).row;
    expect([person('男'), person('女'), person('1'), person(2), person('m'), person('F')].map((r) => r.gender)).toEqual(['M', 'F', 'M', 'F', 'M', 'F']);
    // the same person sent either way is the same record: a re-import finds it unchanged
    expect(person('男').hash).toBe(person('M').hash);
    expect(problem({ kind: 'person', id: 'P', name: '王某', gender: '未知' })).toMatchObject({ field: 'gender', rule: 'vocabulary' });
    expect(problem({ kind: 'person', id: 'P', name: '王某', gender: '3' })).toMatchObject({ field: 'gender', rule: 'vocabulary' });
  });

  it('reads lists written as text separated by semicolons (CSV, spreadsheets)', () => {
    const { row } = normalizeRecord({ kind: 'person', id: 'P', name: 'x', phones: '13812345678; 13900000000', tags: 'FUGITIVE' }, 1);
    expect(row.phones).toEqual(['13812345678', '13900000000']);
    expect(row.tags).toEqual(['FUGITIVE']);
  });
});

/** Every problem of a refused record, the first included, as field:rule. */
function allProblems(raw: unknown): string[] {
  const first = problem(raw);
  if (!first) return [];
  return [first, ...furtherProblems(raw, first)].map((p) => `${p.field}:${p.rule}`);
}

describe('every problem of a refused record', () => {
  it('finds each broken field of a person, in the order the checks meet them, with its reason', () => {
    const person = { kind: 'person', name: '', idNumber: '110105194912310021', gender: 'X', origin: '43', phones: ['12'], tags: ['lower'] };
    expect(allProblems(person)).toEqual(['idNumber:resident-id', 'origin:format', 'id:required', 'name:required', 'gender:vocabulary', 'phones:format', 'tags:format']);
    const first = problem(person)!;
    expect(furtherProblems(person, first)[4]).toEqual({ field: 'phones', rule: 'format', reason: 'item "12" is not a phone number', reasonZh: '"12" 不是电话号码' });
  });

  it('goes past a required field or a check that compares with it', () => {
    // checkIn unreadable: checkOut is still read, and not compared with a stand-in
    expect(allProblems({ kind: 'stay', location: 'H', checkIn: '27/03/2026', checkOut: 'soon', room: 'x'.repeat(51) })).toEqual([
      'person:required',
      'checkIn:date-time',
      'checkOut:date-time',
      'room:too-long',
    ]);
    expect(allProblems({ kind: 'call', from: 'abc', to: 'def', at: 'noon', seconds: -1 })).toEqual(['from:format', 'to:format', 'at:date-time', 'seconds:out-of-range']);
    expect(allProblems({ kind: 'region', code: '32', parent: 'x', name: '' })).toEqual(['code:format', 'parent:format', 'name:required']);
    expect(allProblems({ kind: 'location', id: 'L', type: 'CASTLE', name: 'n', lat: 95 })).toEqual(['lat:out-of-range', 'lon:required', 'type:vocabulary']);
    expect(allProblems({ kind: 'case', id: 'C', type: 'THEFT', title: 't', status: 'OPEN', occurredFrom: 'x', occurredTo: '2026-03-01T00:00:00Z', lat: 32 })).toEqual([
      'occurredFrom:date-time',
      'lon:format',
    ]);
  });

  it('finds nothing more when there was only the one problem, or the record is not a record at all', () => {
    expect(allProblems({ kind: 'stay', person: 'a', location: 'b', checkIn: '27/03/2026' })).toEqual(['checkIn:date-time']);
    expect(allProblems({ kind: 'relation', from: 'a', to: 'a', type: 'ASSOCIATE' })).toEqual(['to:format']);
    expect(allProblems({ kind: 'spaceship', id: '' })).toEqual(['kind:vocabulary']);
    expect(allProblems('not json')).toEqual(['kind:not-json']);
  });
});

