import { useId } from 'react';
import { LIMITS, type ResultsVisibility } from '@quorum/shared';
import type { PollForm } from './composer-model';

interface SettingsProps {
  form: PollForm;
  set: (patch: Partial<PollForm>) => void;
}

const VISIBILITY: { value: ResultsVisibility; label: string }[] = [
  { value: 'live', label: 'Live, as votes come in' },
  { value: 'after_close', label: 'After the poll closes' },
  { value: 'host_only', label: 'Only when I share them' },
];

/** A checkbox with its label, the shape every on/off setting takes. */
function Toggle({ checked, onChange, children }: { checked: boolean; onChange: (on: boolean) => void; children: string }) {
  return (
    <label className="choice">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} /> {children}
    </label>
  );
}

/** Quiz scoring: points for a correct answer and a bonus for speed (the server does the timing). */
function QuizFields({ form, set }: SettingsProps) {
  return (
    <fieldset>
      <legend>Quiz scoring</legend>
      <div className="row">
        <label>
          Points <input type="number" min={0} max={LIMITS.pointsMax} value={form.quizPoints} onChange={(e) => set({ quizPoints: e.currentTarget.value })} />
        </label>
        <label>
          Speed bonus <input type="number" min={0} max={LIMITS.pointsMax} value={form.quizSpeedBonus} onChange={(e) => set({ quizSpeedBonus: e.currentTarget.value })} />
        </label>
      </div>
      <label className="stack">
        Speed bonus runs out after (seconds, optional)
        <input type="number" min={1} max={LIMITS.speedWindowSecMax} value={form.quizSpeedWindowSec} onChange={(e) => set({ quizSpeedWindowSec: e.currentTarget.value })} />
      </label>
      <p className="note">Players show under nicknames. The leaderboard is shown to participants when the poll closes.</p>
    </fieldset>
  );
}

/** The poll's settings: privacy, results, time limit, profanity filter and quiz mode. */
export function SettingsFields({ form, set }: SettingsProps) {
  const group = useId();
  return (
    <fieldset>
      <legend>Settings</legend>
      <Toggle checked={form.anonymous} onChange={(anonymous) => set({ anonymous })}>
        Anonymous
      </Toggle>
      <Toggle checked={form.allowAnswerChange} onChange={(allowAnswerChange) => set({ allowAnswerChange })}>
        Voters can change their answer
      </Toggle>
      <fieldset>
        <legend>Show results to participants</legend>
        {VISIBILITY.map((v) => (
          <label className="choice" key={v.value}>
            <input type="radio" name={group} checked={form.resultsVisibility === v.value} onChange={() => set({ resultsVisibility: v.value })} /> {v.label}
          </label>
        ))}
      </fieldset>
      <label className="stack">
        Close automatically after (seconds, optional)
        <input type="number" min={5} max={LIMITS.closeAfterSecMax} value={form.closeAfterSec} onChange={(e) => set({ closeAfterSec: e.currentTarget.value })} />
      </label>
      <Toggle checked={form.profanityFilter} onChange={(profanityFilter) => set({ profanityFilter })}>
        Mask profanity in open-text answers
      </Toggle>
      {form.profanityFilter && (
        <label className="stack">
          More words to mask (optional, separated by spaces)
          <input value={form.blockedWords} onChange={(e) => set({ blockedWords: e.currentTarget.value })} />
        </label>
      )}
      <Toggle checked={form.quiz} onChange={(quiz) => set({ quiz })}>
        Quiz: score correct answers
      </Toggle>
      {form.quiz && <QuizFields form={form} set={set} />}
    </fieldset>
  );
}
