import type { Core, ElementDefinition, NodeSingular } from 'cytoscape';
import type { History } from './history.js';
import { byIds } from './by-ids.js';

/**
 * The chart's edits, each one undoable step: clear, remove, hide and show, pin, group and
 * ungroup. GraphView hands them out; the page never sees Cytoscape.
 */
export class ChartEdits {
  private groupCounter = 0;

  constructor(
    private readonly cy: Core,
    private readonly history: History,
    private readonly notify: { selection(): void; status(): void },
  ) {}

  /** Removes everything (undoable). */
  clear(label: string): void {
    if (this.cy.nodes().empty()) return;
    const json = this.cy.elements().jsons() as unknown as ElementDefinition[];
    this.cy.elements().remove();
    this.history.push({
      label,
      undo: () => {
        this.cy.add(json);
        this.notify.status();
      },
      redo: () => {
        this.cy.elements().remove();
        this.notify.status();
      },
    });
    this.notify.status();
  }

  removeSelected(label: string): number {
    const sel = this.cy.elements(':selected');
    const gone = sel.union(sel.nodes().connectedEdges());
    if (gone.empty()) return 0;
    const json = gone.jsons() as unknown as ElementDefinition[];
    gone.remove();
    this.history.push({
      label,
      undo: () => {
        this.cy.add(json);
        this.notify.status();
      },
      redo: () => {
        this.cy.remove(json.map((d) => `[id = ${JSON.stringify(d.data.id)}]`).join(','));
        this.notify.status();
      },
    });
    this.notify.selection();
    return sel.nodes().length;
  }

  hideSelected(label: string): number {
    const nodes = this.cy.nodes(':selected');
    const target = nodes.union(nodes.connectedEdges()).union(this.cy.edges(':selected')).filter((e) => !e.hasClass('hidden'));
    if (target.empty()) return 0;
    const ids = target.map((e) => e.id());
    const apply = (on: boolean) =>
      this.cy.batch(() => {
        const els = byIds(this.cy, ids);
        if (on) els.addClass('hidden').unselect();
        else els.removeClass('hidden');
      });
    apply(true);
    this.history.push({ label, undo: () => apply(false), redo: () => apply(true) });
    this.notify.selection();
    return nodes.length;
  }

  showHidden(label: string): number {
    const hidden = this.cy.elements('.hidden');
    if (hidden.empty()) return 0;
    const ids = hidden.map((e) => e.id());
    const apply = (on: boolean) => this.cy.batch(() => byIds(this.cy, ids).toggleClass('hidden', !on));
    apply(true);
    this.history.push({ label, undo: () => apply(false), redo: () => apply(true) });
    this.notify.status();
    return hidden.nodes().length;
  }

  /** Pins the selected nodes where they are, or unpins them if all are pinned already. */
  togglePinSelected(label: string): { pinned: boolean; count: number } {
    const nodes = this.cy.nodes(':selected').filter((n) => !n.isParent());
    if (nodes.empty()) return { pinned: false, count: 0 };
    const pin = nodes.filter((n) => (n as NodeSingular).locked()).length < nodes.length;
    const ids = nodes.map((n) => n.id());
    const apply = (on: boolean) =>
      this.cy.batch(() => {
        for (const id of ids) {
          const n = this.cy.getElementById(id);
          if (on) n.lock().addClass('pinned');
          else n.unlock().removeClass('pinned');
        }
      });
    apply(pin);
    this.history.push({ label, undo: () => apply(!pin), redo: () => apply(pin) });
    this.notify.selection();
    return { pinned: pin, count: ids.length };
  }

  /** Puts the selected nodes in a named box (a compound node) that moves as one. */
  groupSelected(name: string, label: string): string | null {
    const nodes = this.cy.nodes(':selected').filter((n) => !n.isParent());
    if (nodes.length < 1) return null;
    const groupId = `group:${++this.groupCounter}:${Date.now().toString(36)}`;
    const members = nodes.map((n) => ({ id: n.id(), parent: (n.data('parent') as string | undefined) ?? null }));
    const apply = (on: boolean) =>
      this.cy.batch(() => {
        if (on) {
          if (this.cy.getElementById(groupId).empty()) this.cy.add(groupElement(groupId, name));
          for (const m of members) this.cy.getElementById(m.id).move({ parent: groupId });
        } else {
          for (const m of members) this.cy.getElementById(m.id).move({ parent: m.parent });
          this.cy.getElementById(groupId).remove();
        }
      });
    apply(true);
    this.history.push({ label, undo: () => apply(false), redo: () => apply(true) });
    this.notify.status();
    return groupId;
  }

  /** Dissolves the selected groups (or the groups of the selected nodes). */
  ungroupSelected(label: string): number {
    const sel = this.cy.nodes(':selected');
    const groups = sel.filter((n) => n.isParent()).union(sel.parent());
    if (groups.empty()) return 0;
    const saved = groups.map((g) => ({ id: g.id(), label: g.data('label') as string, members: (g as NodeSingular).children().map((c) => c.id()) }));
    const apply = (dissolve: boolean) =>
      this.cy.batch(() => {
        for (const g of saved) {
          if (dissolve) {
            for (const m of g.members) this.cy.getElementById(m).move({ parent: null });
            this.cy.getElementById(g.id).remove();
          } else {
            this.cy.add(groupElement(g.id, g.label));
            for (const m of g.members) this.cy.getElementById(m).move({ parent: g.id });
          }
        }
      });
    apply(true);
    this.history.push({ label, undo: () => apply(false), redo: () => apply(true) });
    this.notify.status();
    return saved.length;
  }
}

export const GROUP_KIND = 'GROUP';

/** A named group box (a compound node); its members name it as their parent. */
export function groupElement(id: string, label: string): ElementDefinition {
  return { group: 'nodes', data: { id, label, kind: GROUP_KIND, vkind: 'group' } };
}
