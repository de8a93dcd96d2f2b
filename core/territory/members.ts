/** Which accounts each territory holds, kept in step with the assignment: moving an account costs O(1). */
export class Members {
  /** The territory of each account, −1 before it has one. */
  readonly territory: Int32Array;
  private readonly lists: number[][];
  /** Where account i sits in its territory's list. */
  private readonly position: Int32Array;

  constructor(accounts: number, territories: number) {
    this.territory = new Int32Array(accounts).fill(-1);
    this.position = new Int32Array(accounts);
    this.lists = Array.from({ length: territories }, () => []);
  }

  of(t: number): readonly number[] {
    return this.lists[t];
  }

  place(i: number, t: number): void {
    const from = this.territory[i];
    if (from === t) return;
    if (from >= 0) {
      const list = this.lists[from];
      const last = list.pop() as number;
      if (last !== i) {
        list[this.position[i]] = last;
        this.position[last] = this.position[i];
      }
    }
    this.territory[i] = t;
    this.position[i] = this.lists[t].length;
    this.lists[t].push(i);
  }
}
