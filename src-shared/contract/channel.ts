import { z } from 'zod';

/** A bridge channel: the zod schema of its input and of its output. */
export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
}

export function channel<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
): ChannelSpec<I, O> {
  return { input, output };
}

/** Input of a channel that takes no arguments. */
export const noInput = z.object({}).strict();
