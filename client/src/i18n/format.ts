import type { IntlShape } from 'react-intl';
import type { AppError } from '@quorum/shared';
import type { Translate } from './i18n-provider';
import type { MessageId } from './messages/en';

const UNITS = [
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
] as const;

/** A duration in words in the intl's language ("1 minute, 5 seconds", "1 Minute und 5 Sekunden", "1 分 5 秒"). */
export function spokenDuration(intl: IntlShape, ms: number): string {
  let rest = Math.max(0, Math.ceil(ms / 1000));
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) parts.push(intl.formatNumber(n, { style: 'unit', unit, unitDisplay: 'long' }));
  }
  if (parts.length === 0) return intl.formatNumber(0, { style: 'unit', unit: 'second', unitDisplay: 'long' });
  return intl.formatList(parts, { type: 'unit', style: 'long' });
}

/** A percentage from a 0–1 share, rounded to whole percent ("42 %" in German, "42%" in English). */
export const formatShare = (intl: IntlShape, share: number): string =>
  intl.formatNumber(share, { style: 'percent', maximumFractionDigits: 0 });

const ERROR_TEXT: Partial<Record<AppError['code'], MessageId>> = {
  POLL_CLOSED: 'error.pollClosed',
  MEETING_ENDED: 'error.meetingEnded',
  ALREADY_VOTED: 'error.alreadyVoted',
  RATE_LIMITED: 'error.rateLimited',
  FORBIDDEN: 'error.forbidden',
  UNAUTHENTICATED: 'error.unauthenticated',
  NOT_FOUND: 'error.notFound',
  QA_OFF: 'error.qaOff',
  QA_CLOSED: 'error.qaClosed',
  QUESTION_LOCKED: 'error.questionLocked',
  // No answer came (offline, restarting): retrying helps, but only once the connection is back.
  UNAVAILABLE: 'error.offline',
};

/**
 * Why the server refused, in the reader's language. Codes that say it all get our own words; INVALID keeps
 * the server's detail (it names the field) inside our words; INTERNAL hides the server's (it says nothing useful).
 */
export function errorText(t: Translate, error: Pick<AppError, 'code' | 'message'>): string {
  if (error.code === 'INVALID') return t('error.invalid', { detail: error.message });
  if (error.code === 'INTERNAL') return t('error.internal');
  const id = ERROR_TEXT[error.code];
  return id ? t(id) : error.message;
}
