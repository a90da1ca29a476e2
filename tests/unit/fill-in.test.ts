import { describe, expect, it } from 'vitest';
import { fillIn } from '../../client/src/ui/fill-in.js';
import { en } from '../../client/src/ui/strings-en.js';
import { zh } from '../../client/src/ui/strings-zh.js';

const paramsOf = (text: string) => [...text.matchAll(/\{(\w+)(?:\|[^}]*)?\}/g)].map((m) => m[1]!).sort();

describe('putting parameters into the page’s words', () => {
  it('puts values in and says one or many in English', () => {
    expect(fillIn(en['charts.counts'], { nodes: 1, edges: 3 })).toBe('1 node · 3 ties');
    expect(fillIn(en['charts.counts'], { nodes: 0, edges: 1 })).toBe('0 nodes · 1 tie');
    expect(fillIn(en['tech.collision.summary'], { total: '1,204', hits: 1, groups: 2, orders: 1 })).toBe('1,204 records compared, 1 hit, 2 groups, 1 order');
    expect(fillIn(en['tech.coTravellers.sub'], { times: 3, days: 2, hotel: 1, cafe: 0, pass: 1 })).toBe('3 times · 2 days · 1 hotel night · 0 café sessions · 1 checkpoint pass');
    expect(fillIn(en['import.sending'], { count: 1 })).toBe('Uploading 1 file…');
    expect(fillIn(zh['charts.counts'], { nodes: 1, edges: 3 })).toBe('1 个节点 · 3 条关系');
  });

  it('leaves a parameter not given as written, so it shows', () => {
    expect(fillIn('{count|node|nodes} of {total}', { count: 2 })).toBe('2 nodes of {total}');
  });

  it('finds the same parameters in the English words as in the Chinese', () => {
    const differing = Object.keys(zh).filter((key) => {
      const english = en[key as keyof typeof en];
      return english !== undefined && paramsOf(english).join() !== paramsOf(zh[key as keyof typeof zh]).join();
    });
    expect(differing).toEqual([]);
  });
});
