import { UsageError } from '../../lib/errors.ts';
import { generatorKinds, type GeneratorKind } from '../../workflows/generate/generator-choice.ts';
import { intFlag } from './generator-flags.ts';

/** Parser for `run generate-new-data --max-sleep-seconds`: 0–3600, as the workflow accepts. */
export const maxSleepFlag = intFlag('--max-sleep-seconds', 0, 3600);

/** Parser for `run generate-new-data --generator`. */
export function generatorFlag(text: string): GeneratorKind {
  if (!(generatorKinds as readonly string[]).includes(text)) {
    throw new UsageError(`--generator must be one of ${generatorKinds.join(', ')}, got "${text}"`, '--generator');
  }
  return text as GeneratorKind;
}
