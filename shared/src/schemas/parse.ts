import type { z } from 'zod';
import { fail, ok, type Result } from '../protocol/errors';

/**
 * Parses untrusted input with a schema; a failure becomes an INVALID error naming the first bad field,
 * so every HTTP body and socket payload is rejected the same way.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): Result<z.infer<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  // An unknown key is blamed on the key itself, not on the object that holds it.
  const path = issue ? [...issue.path, ...(issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [])] : [];
  const field = path.length > 0 ? path.join('.') : undefined;
  const message = issue ? (field ? `${field}: ${issue.message}` : issue.message) : 'invalid input';
  return fail('INVALID', message, field);
}
