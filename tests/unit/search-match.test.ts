import { describe, expect, it } from 'vitest';
import { explainMatch } from '../../server/src/link/search-match.js';

const person = (phones: string[], plates: string[] = []) => [
  ['name', '李国华'],
  ['idNumber', '321281197804160373'],
  ['phone', phones],
  ['plate', plates],
] as [string, unknown][];

describe('explainMatch: which searched field a full-text hit matched on', () => {
  it('names the phone a partial number belongs to, of several', () => {
    expect(explainMatch('1390523', person(['15105231234', '13905231866']))).toEqual({ matchedOn: 'phone', matchedValue: '13905231866' });
  });

  it('a name needs no value: the label shows it', () => {
    expect(explainMatch('国华', person([]))).toEqual({ matchedOn: 'name', matchedValue: null });
  });

  it('plates match whatever the case typed', () => {
    expect(explainMatch('苏m528', person([], ['苏M52871']))).toEqual({ matchedOn: 'plate', matchedValue: '苏M52871' });
  });

  it('prefers the field holding more of the words, and the earlier field on a tie', () => {
    const fields = [['id', 'CASE-9'], ['title', '戴南不锈钢盗窃案'], ['mo', ['夜间', '不锈钢']], ['description', '夜间撬锁盗窃不锈钢卷材']] as [string, unknown][];
    expect(explainMatch('夜间 不锈钢', fields)).toEqual({ matchedOn: 'description', matchedValue: '夜间撬锁盗窃不锈钢卷材' });
    expect(explainMatch('不锈钢', fields)).toEqual({ matchedOn: 'title', matchedValue: null });
  });

  it('shows a passage of a long text around the first matching word', () => {
    const description = '2026年5月以来，兴化市戴南镇多家不锈钢加工厂夜间被盗，嫌疑人驾驶无牌货车，作案后沿S231省道逃离。';
    const { matchedOn, matchedValue } = explainMatch('货车', [['description', description]]);
    expect(matchedOn).toBe('description');
    expect(matchedValue).toBe('…夜间被盗，嫌疑人驾驶无牌货车，作案后沿S231省道逃…');
  });

  it('says text when no field holds the words as typed', () => {
    expect(explainMatch('王五', person(['13905231866']))).toEqual({ matchedOn: 'text', matchedValue: null });
  });
});
