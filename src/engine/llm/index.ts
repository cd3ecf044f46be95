// Public surface of the LLM mutator, and the one call the command line needs to build it.
import { parseLlmConfig } from './config.js';
import { createLlmMutator, type LlmMutator, type LlmMutatorDeps } from './mutator.js';

export { BudgetExhausted, createLedger, type LedgerState } from './ledger.js';
export { LlmAborted, LlmEndpointError, LlmRequestError } from './client.js';
export { LlmConfigError, llmConfigFromFlags, parseLlmConfig, type LlmConfig } from './config.js';
export { createLlmMutator, llmUsageFromRecords, type LlmMutator, type LlmMutatorState } from './mutator.js';
export { createMixedMutator } from './mixed.js';

/**
 * Validates the run's `llm` section (already merged with the command-line flags through
 * `llmConfigFromFlags`), builds the mutator and, unless `preflight` is false, checks that the
 * endpoint answers and serves every configured model.
 * Throws `LlmConfigError` for bad settings (a usage error) and `LlmEndpointError` for an endpoint
 * that is down, rejects the key or lacks a model.
 */
export async function buildLlmMutator(section: unknown, opts: LlmMutatorDeps & { preflight?: boolean; signal?: AbortSignal } = {}): Promise<LlmMutator> {
  const mutator = createLlmMutator(parseLlmConfig(section ?? {}), { env: opts.env });
  if (opts.preflight !== false) await mutator.preflight(opts.signal);
  return mutator;
}
