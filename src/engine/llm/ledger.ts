// Token and cost accounting for LLM calls, with the run's call and cost caps.
// Cost comes from the usage the endpoint reports and the configured price table.
import { StopRun } from '../mutator.js';
import type { Price } from './config.js';

/** Thrown before a call that would exceed `maxLlmCalls` or after spending reached `maxCostUsd`; stops the run gracefully. */
export class BudgetExhausted extends StopRun {
  override name = 'BudgetExhausted';
  constructor(
    readonly kind: 'calls' | 'cost',
    readonly limit: number,
    readonly used: number,
  ) {
    super(
      kind === 'calls'
        ? `LLM call budget exhausted: ${used} of --max-llm-calls ${limit} used`
        : `LLM cost budget exhausted: $${used.toFixed(4)} spent of --max-cost-usd ${limit}`,
    );
  }
}

export interface Usage {
  promptTokens: number;
  completionTokens: number;
}

export interface ModelTotals {
  calls: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
}

export interface LedgerState extends ModelTotals {
  byModel: Record<string, ModelTotals>;
  /** Calls whose usage the endpoint did not report (cost unknown, counted as 0). */
  unpricedCalls: number;
}

export interface Ledger {
  /** Throws `BudgetExhausted` when no further call is allowed. */
  check(): void;
  /** Counts a call as started (so a hanging call still uses up the call budget). */
  begin(model: string): void;
  /** Adds the usage of a finished call; returns its cost in US$. */
  settle(model: string, usage: Usage | null): number;
  /** Adds a call recorded earlier (a resumed run's history), at the cost stored with it. */
  absorb(model: string, usage: Usage | null, costUsd: number): void;
  /** Cost of a usage under the price table (0 for models without a price). */
  price(model: string, usage: Usage): number;
  state(): LedgerState;
  restore(state: LedgerState): void;
  /** One short line for the progress display, e.g. `llm 12 calls · 34.1k tok · $0.0123`. */
  summary(): string;
  readonly limits: { maxLlmCalls: number | null; maxCostUsd: number | null };
}

function zero(): ModelTotals {
  return { calls: 0, promptTokens: 0, completionTokens: 0, costUsd: 0 };
}

function fmtTokens(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)}k` : String(n);
}

export function createLedger(opts: { prices: Record<string, Price>; maxLlmCalls: number | null; maxCostUsd: number | null }): Ledger {
  let s: LedgerState = { ...zero(), byModel: {}, unpricedCalls: 0 };
  const limits = { maxLlmCalls: opts.maxLlmCalls, maxCostUsd: opts.maxCostUsd };
  const price = (model: string, u: Usage): number => {
    const p = opts.prices[model];
    if (!p) return 0;
    return (u.promptTokens * p.inputPerMTok + u.completionTokens * p.outputPerMTok) / 1e6;
  };
  const per = (model: string): ModelTotals => (s.byModel[model] ??= zero());
  return {
    limits,
    check() {
      if (limits.maxLlmCalls !== null && s.calls >= limits.maxLlmCalls) throw new BudgetExhausted('calls', limits.maxLlmCalls, s.calls);
      if (limits.maxCostUsd !== null && s.costUsd >= limits.maxCostUsd) throw new BudgetExhausted('cost', limits.maxCostUsd, s.costUsd);
    },
    begin(model) {
      s.calls++;
      per(model).calls++;
    },
    settle(model, usage) {
      if (!usage) {
        s.unpricedCalls++;
        return 0;
      }
      const c = price(model, usage);
      const m = per(model);
      for (const t of [s, m]) {
        t.promptTokens += usage.promptTokens;
        t.completionTokens += usage.completionTokens;
        t.costUsd += c;
      }
      return c;
    },
    absorb(model, usage, costUsd) {
      s.calls++;
      const m = per(model);
      m.calls++;
      if (!usage) s.unpricedCalls++;
      const c = Number.isFinite(costUsd) && costUsd > 0 ? costUsd : 0;
      for (const t of [s, m]) {
        t.promptTokens += usage?.promptTokens ?? 0;
        t.completionTokens += usage?.completionTokens ?? 0;
        t.costUsd += c;
      }
    },
    price,
    state: () => JSON.parse(JSON.stringify(s)) as LedgerState,
    restore(state) {
      s = JSON.parse(JSON.stringify(state)) as LedgerState;
    },
    summary() {
      const cap = limits.maxLlmCalls !== null ? `/${limits.maxLlmCalls}` : '';
      const ccap = limits.maxCostUsd !== null ? `/$${limits.maxCostUsd}` : '';
      return `llm ${s.calls}${cap} calls · ${fmtTokens(s.promptTokens + s.completionTokens)} tok · $${s.costUsd.toFixed(4)}${ccap}`;
    },
  };
}
