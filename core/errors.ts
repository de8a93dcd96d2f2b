/** The spreadsheet error a formula shows, with a sentence saying what is wrong and where. */
export type ErrorCode = '#DIV/0!' | '#NUM!' | '#N/A' | '#VALUE!';

export class FormulaError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FormulaError';
  }

  /** How the error reads in a cell or tooltip: the code, then the explanation. */
  toString(): string {
    return `${this.code} ${this.message}`;
  }
}

export const divZero = (message: string) => new FormulaError('#DIV/0!', message);
export const badNumber = (message: string) => new FormulaError('#NUM!', message);
export const notFound = (message: string) => new FormulaError('#N/A', message);
export const badValue = (message: string) => new FormulaError('#VALUE!', message);

export function isFormulaError(value: unknown): value is FormulaError {
  return value instanceof FormulaError;
}
