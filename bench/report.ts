export interface BenchResult {
  name: string;
  figures: string;
  /** A pass/fail line against a budget, or null when the budget cannot be measured here. */
  budget: { pass: boolean; line: string } | null;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function budgetLine(what: string, value: number, limit: number, unit: string): { pass: boolean; line: string } {
  const pass = value <= limit;
  return { pass, line: `${pass ? 'PASS' : 'FAIL'} ${what}: ${value.toFixed(2)} ${unit} (budget ≤ ${limit.toFixed(2)} ${unit})` };
}

export function printResults(results: BenchResult[]): boolean {
  let ok = true;
  for (const r of results) {
    console.log(`• ${r.name}\n    ${r.figures}`);
    if (r.budget) {
      console.log(`    ${r.budget.line}`);
      ok &&= r.budget.pass;
    } else console.log('    (no budget measured here)');
  }
  return ok;
}
