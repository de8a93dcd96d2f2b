/**
 * Sheets hands a date cell to a custom function as a `Date` at midnight in the
 * SPREADSHEET's time zone, which is not the script's. Reading its day in the
 * script's zone (or UTC) can land on the day before or after, so the day serial
 * is taken in the spreadsheet's zone.
 *
 * Utilities.formatDate is a call into the Apps Script service layer, far too
 * slow to make per cell on a 100k-row column. So the zone's UTC offset is looked
 * up once (formatDate(date, zone, 'Z')) and a Date that lands exactly on
 * midnight with a known offset is a plain date. A Date close to midnight that
 * matches no known offset usually sits on the other side of a daylight-saving
 * change: its own offset is looked up and remembered (a zone has only a few).
 * Only genuine date-times (a time of day other than midnight) are formatted one
 * by one, to get their exact wall-clock time.
 */
const MS_PER_DAY = 86_400_000;
/** Day serial of 1970-01-01 on Excel's 1899-12-30 epoch. */
const UNIX_EPOCH_SERIAL = 25_569;
/** DST and historical zone shifts are at most a couple of hours. */
const NEAR_MIDNIGHT_MS = 3 * 3_600_000;
/** Offset look-ups that may teach nothing new before near-midnight date-times go straight to exact formatting. */
const MAX_OFFSET_LOOKUPS = 8;

export type FormatDate = (date: Date, timeZone: string, pattern: string) => string;

/** True for a Date from any realm (Sheets' own, or a test's vm context). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

export class DateReader {
  private zone: string | undefined;
  private readonly offsets: number[] = [];
  private lookups = 0;

  /**
   * @param zoneOf the spreadsheet's time zone; called at most once, and only when a Date is seen
   * @param formatDate Utilities.formatDate
   */
  constructor(
    private readonly zoneOf: () => string,
    private readonly formatDate: FormatDate,
  ) {}

  /** The day serial (with a fraction for a time of day) the spreadsheet shows for `date`; NaN for an invalid Date. */
  serial(date: Date): number {
    const time = date.getTime();
    if (!Number.isFinite(time)) return NaN;
    const offsets = this.offsets;
    for (let i = 0; i < offsets.length; i++) {
      const local = time + offsets[i];
      if (local % MS_PER_DAY === 0) return local / MS_PER_DAY + UNIX_EPOCH_SERIAL;
    }
    const zone = (this.zone ??= this.zoneOf());
    if (offsets.length === 0 || (this.lookups < MAX_OFFSET_LOOKUPS && nearMidnight(time + offsets[0]))) {
      const offset = parseOffset(this.formatDate(date, zone, 'Z'));
      if (offset !== undefined && !offsets.includes(offset)) {
        offsets.push(offset);
        const local = time + offset;
        if (local % MS_PER_DAY === 0) return local / MS_PER_DAY + UNIX_EPOCH_SERIAL;
      } else {
        this.lookups++;
      }
    }
    return this.exact(date, zone);
  }

  /** The wall-clock time in the spreadsheet's zone, formatted by Apps Script, as a serial. */
  private exact(date: Date, zone: string): number {
    const text = this.formatDate(date, zone, "yyyy-MM-dd'T'HH:mm:ss.SSS");
    const match = /^(-?\d{4,})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)\.(\d\d\d)$/.exec(text);
    if (!match) return NaN;
    const [year, month, day, hour, minute, second, ms] = match.slice(1).map(Number);
    const local = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, ms));
    local.setUTCFullYear(year);
    return local.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  }
}

function nearMidnight(localMillis: number): boolean {
  const intoDay = ((localMillis % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
  return intoDay <= NEAR_MIDNIGHT_MS || intoDay >= MS_PER_DAY - NEAR_MIDNIGHT_MS;
}

/** "+1300", "-0800", "+0545" → milliseconds east of UTC. */
function parseOffset(text: string): number | undefined {
  const match = /^([+-])(\d\d):?(\d\d)$/.exec(text.trim());
  if (!match) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return (match[1] === '-' ? -minutes : minutes) * 60_000;
}
