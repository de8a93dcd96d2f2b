/**
 * A work budget counted in elementary operations (an account scored against a
 * territory, a distance computed), not in input size: whatever the input, a
 * call stops once it has spent it, keeping the best answer found so far.
 */
export class Budget {
  private spent = 0;
  /** Operations spent when progress was last reported. */
  private reported = 0;

  /** `onProgress` hears the share of the budget spent, at most about a hundred times. */
  constructor(
    readonly limit: number,
    private readonly onProgress?: (spent: number) => void,
  ) {}

  /** Records `operations` of work; false once the budget is spent. */
  spend(operations: number): boolean {
    this.spent += operations;
    if (this.onProgress && this.spent - this.reported >= this.limit / 100) {
      this.reported = this.spent;
      this.onProgress(Math.min(1, this.spent / this.limit));
    }
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
