// The mutator a run configuration names: offline, replay, llm, or mixed (offline and llm interleaved).
import type { RunConfig } from '../config.js';
import { ConfigError } from '../config.js';
import { buildLlmMutator, createMixedMutator, parseLlmConfig } from '../llm/index.js';
import type { Mutator } from '../mutator.js';
import { createOfflineMutator } from './offline.js';
import { createReplayMutator, readReplayFile } from './replay.js';

/** Builds the configured mutator; bad settings throw (ConfigError, LlmConfigError). */
export async function createMutator(config: RunConfig): Promise<Mutator> {
  switch (config.mutator) {
    case 'offline':
      return createOfflineMutator(config.offline);
    case 'replay':
      return createReplayMutator(readReplayFile(config.replayFile!));
    case 'llm':
    case 'mixed': {
      const llm = await buildLlmMutator(config.extra.llm);
      if (config.mutator === 'llm') return llm;
      return createMixedMutator(createOfflineMutator(config.offline), llm, parseLlmConfig(config.extra.llm).mixedShare);
    }
    default:
      throw new ConfigError(`mutator: ${config.mutator} is not available in this build`);
  }
}
