import { describe, expect, it } from 'vitest';
import { makePoll } from '../test/fixtures';
import { render, trackViews } from '../test/render';
import { PollRules } from './poll-rules';

const track = trackViews();

const rulesOf = async (overrides: Parameters<typeof makePoll>[0], locale?: 'de') => {
  const view = track(await render(<PollRules poll={makePoll(overrides)} />, locale ? { locale } : {}));
  return view.byTestId('poll-rules')?.textContent;
};

describe('a poll’s rules line', () => {
  it('says who sees what, whether answers can change and when results appear', async () => {
    expect(await rulesOf({})).toBe('Named: the host sees who voted what · You can change your answer · Results live');
    const strict = {
      anonymous: true,
      resultsVisibility: 'host_only',
      allowAnswerChange: false,
      closeAfterSec: null,
    } as const;
    expect(await rulesOf({ settings: strict })).toBe(
      'Anonymous: nobody sees who voted what · One answer, no changes · Results when the host shares them',
    );
    expect(await rulesOf({ settings: { ...strict, resultsVisibility: 'after_close' } }, 'de')).toBe(
      'Anonym: niemand sieht, wer was gewählt hat · Eine Antwort, keine Änderung · Ergebnisse nach dem Ende',
    );
  });
});
