import { z } from 'zod';
import { PROFESSIONS } from '../domain/codes/service';
import { channel } from './channel';

export const nakesOption = z.object({
  id: z.string(),
  name: z.string(),
  profession: z.enum(PROFESSIONS),
  active: z.boolean(),
});
export type NakesOption = z.infer<typeof nakesOption>;

/**
 * The short list services pick their performer from. Klaster 1 (SDM) adds the full register
 * (identity, STR/SIP with expiry, klaster assignment) and its screens.
 */
export const nakesChannels = {
  'nakes.options': channel(
    z.object({ includeInactive: z.boolean().default(false) }).strict(),
    z.array(nakesOption),
  ),
};
