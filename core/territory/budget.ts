/**
 * A work budget counted in elementary operations (an account scored against a
 * territory, a distance computed), not in input size: whatever the input, a
 * call stops once it has spent it, keeping the best answer found so far.
 */
export class Budget {
  private spent = 0;

  constructor(readonly limit: number) {}

  /** Records `operations` of work; false once the budget is spent. */
  spend(operations: number): boolean {
    this.spent += operations;
    return this.spent <= this.limit;
  }

  /** Whether `operations` more still fit. */
  allows(operations: number): boolean {
    return this.spent + operations <= this.limit;
  }

  get operations(): number {
    return this.spent;
  }

  get exhausted(): boolean {
    return this.spent >= this.limit;
  }
}
