/** A deadline shared by the steps of one scan; steps check it between chunks of work. */
export class Budget {
  private readonly deadline: number;
  constructor(ms: number, private readonly now: () => number = Date.now) {
    this.deadline = now() + ms;
  }
  get expired(): boolean {
    return this.now() > this.deadline;
  }
  get remainingMs(): number {
    return Math.max(0, this.deadline - this.now());
  }
}

export class ScanAborted extends Error {
  constructor(public readonly reason: UnreadableReason) {
    super(reason);
  }
}

export type UnreadableReason =
  | "unsupported-format"
  | "too-large"
  | "corrupt"
  | "encrypted"
  | "no-text"
  | "timeout"
  | "not-available";

export function check(budget: Budget): void {
  if (budget.expired) throw new ScanAborted("timeout");
}
