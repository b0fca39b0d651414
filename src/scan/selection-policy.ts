// Whether a block is worth prefiltering. The byte prefilter pays when the lines it drops would cost more to
// read than the search costs; when nearly every line is wanted anyway (a rule pack that reads every sign-in
// and every CloudTrail record), the search is pure overhead. The policy compares, per block, the measured
// search time with what reading the dropped lines would cost (the measured cost per byte of the lines read),
// and while it skips the search it runs it again every RESAMPLE blocks to follow the data. Either choice
// gives the same events: the scan leaves decide what matches; the prefilter only saves work.

/** While the search is skipped, every RESAMPLE-th block is searched again to re-measure it. */
const RESAMPLE = 16;
/** Weight of the newest block in the running averages. */
const NEW = 0.25;
/** Regions smaller than this (a line carried between blocks) are too short to time. */
const MIN_BYTES = 64 * 1024;

export interface SelectedBlock {
  readonly bytes: number;
  /** Bytes of the lines the prefilter kept (and that were read). */
  readonly keptBytes: number;
  /** Time of the search itself, ms. */
  readonly searchMs: number;
  /** Time of reading the kept lines (and checking the skipped ones), ms. */
  readonly readMs: number;
}

export class SelectionPolicy {
  /** Running average cost, ms per byte, of reading a line into an event. */
  private readMsPerByte: number | null = null;
  /** Running average search cost per byte, and share of the bytes it drops. */
  private searchMsPerByte = 0;
  private droppedShare = 0;
  private measured = false;
  private skipped = 0;

  /** True when the next block should go through the prefilter. */
  searchNext(): boolean {
    if (!this.measured || this.readMsPerByte === null || !this.skipWins()) return true;
    if (++this.skipped % RESAMPLE === 0) return true;
    return false;
  }

  recordSearched(b: SelectedBlock): void {
    if (b.bytes < MIN_BYTES) return;
    this.searchMsPerByte = this.average(this.measured ? this.searchMsPerByte : null, b.searchMs / b.bytes);
    this.droppedShare = this.average(this.measured ? this.droppedShare : null, 1 - b.keptBytes / b.bytes);
    this.measured = true;
    // Reading cost from this block only when it read enough to say (a rare filter reads a few lines).
    if (b.keptBytes >= b.bytes / 8) this.readMsPerByte = this.average(this.readMsPerByte, b.readMs / b.keptBytes);
  }

  recordAll(bytes: number, ms: number): void {
    if (bytes >= MIN_BYTES) this.readMsPerByte = this.average(this.readMsPerByte, ms / bytes);
  }

  /** Skipping wins when the search costs more than reading what it drops. */
  private skipWins(): boolean {
    return this.searchMsPerByte > this.droppedShare * this.readMsPerByte!;
  }

  private average(old: number | null, value: number): number {
    return old === null ? value : old + NEW * (value - old);
  }
}
