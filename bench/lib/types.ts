/** The shapes the benchmark runner, each bench and the results file share. */

/** One entry of bench-results.json: a measured figure and the DESIGN.md target it answers to. */
export interface ResultEntry {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly target: number;
  readonly better: 'lower' | 'higher';
  readonly preset: string;
}

/** A measured figure; `target` absent means informational (table only, not in the JSON). */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly better: 'lower' | 'higher';
  readonly preset: string;
  readonly target?: number;
}

/** A correctness check made while measuring (e.g. indexed == reference answers). */
export interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

export interface BenchReport {
  readonly figures: readonly Figure[];
  readonly checks: readonly Check[];
  readonly notes: readonly string[];
  /** Parts that could not run, each with the reason (e.g. a teammate's module has not landed). */
  readonly unavailable: readonly string[];
}

export interface BenchContext {
  /** Tiny sizes and few repetitions: the smoke mode used by the test command. */
  readonly quick: boolean;
  /** Absolute path of the repository root. */
  readonly root: string;
  readonly log: (line: string) => void;
}

export interface Bench {
  readonly name: string;
  readonly title: string;
  run(ctx: BenchContext): Promise<BenchReport>;
}

/** Collects a bench's output as it goes, so a failing part still leaves the others' results. */
export class ReportBuilder {
  readonly figures: Figure[] = [];
  readonly checks: Check[] = [];
  readonly notes: string[] = [];
  readonly unavailable: string[] = [];

  figure(figure: Figure): void {
    this.figures.push(figure);
  }

  check(name: string, ok: boolean, detail: string): void {
    this.checks.push({ name, ok, detail });
  }

  note(text: string): void {
    this.notes.push(text);
  }

  missing(what: string): void {
    this.unavailable.push(what);
  }

  build(): BenchReport {
    return { figures: this.figures, checks: this.checks, notes: this.notes, unavailable: this.unavailable };
  }
}
