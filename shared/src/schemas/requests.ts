import { z } from 'zod';
import { idSchema, pollDraftSchema } from './poll';

export const pollRefSchema = z.strictObject({ pollId: idSchema });

export const pollUpdateSchema = z.strictObject({ pollId: idSchema, draft: pollDraftSchema });
