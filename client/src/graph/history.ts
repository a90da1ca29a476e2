/**
 * Undo and redo for chart edits. Each step knows how to undo and redo itself; a new
 * step clears what could be redone. Steps are kept in memory, at most LIMIT of them.
 */
export interface Step {
  label: string;
  undo(): void;
  redo(): void;
}

const LIMIT = 100;

export class History {
  private done: Step[] = [];
  private undone: Step[] = [];
  private listeners = new Set<() => void>();

  /** Records a step whose effect has already been applied. */
  push(step: Step): void {
    this.done.push(step);
    if (this.done.length > LIMIT) this.done.shift();
    this.undone = [];
    this.changed();
  }

  undo(): Step | null {
    const step = this.done.pop();
    if (!step) return null;
    step.undo();
    this.undone.push(step);
    this.changed();
    return step;
  }

  redo(): Step | null {
    const step = this.undone.pop();
    if (!step) return null;
    step.redo();
    this.done.push(step);
    this.changed();
    return step;
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  get nextUndo(): string | null {
    return this.done.at(-1)?.label ?? null;
  }

  get nextRedo(): string | null {
    return this.undone.at(-1)?.label ?? null;
  }

  clear(): void {
    this.done = [];
    this.undone = [];
    this.changed();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}
