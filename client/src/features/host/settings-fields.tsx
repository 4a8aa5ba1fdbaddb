import { useId } from 'react';
import { LIMITS, type ResultsVisibility } from '@quorum/shared';
import { useT, type MessageId } from '../../i18n';
import { useFieldFault } from '../../components/field-fault';
import type { PollForm } from './composer-model';
import { hasOpenText, isQuiz, mayBeQuiz, quizSwitch } from './kind-settings';
import { SettingsSummary } from './settings-summary';

interface SettingsProps {
  form: PollForm;
  set: (patch: Partial<PollForm>) => void;
}

const VISIBILITY: { value: ResultsVisibility; label: MessageId }[] = [
  { value: 'live', label: 'settings.visibility.live' },
  { value: 'after_close', label: 'settings.visibility.afterClose' },
  { value: 'host_only', label: 'settings.visibility.hostOnly' },
];

/** A checkbox with its label, the shape every on/off setting takes. */
function Toggle({ checked, onChange, label }: { checked: boolean; onChange: (on: boolean) => void; label: MessageId }) {
  const t = useT();
  return (
    <label className="choice">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} /> {t(label)}
    </label>
  );
}

/** Quiz scoring: points for a correct answer and a bonus for speed (the server does the timing). */
function QuizFields({ form, set }: SettingsProps) {
  const t = useT();
  return (
    <fieldset>
      <legend>{t('settings.quizScoring')}</legend>
      <div className="row">
        <label>
          {t('settings.points')}{' '}
          <input
            type="number"
            min={0}
            max={LIMITS.pointsMax}
            value={form.quizPoints}
            onChange={(e) => set({ quizPoints: e.currentTarget.value })}
          />
        </label>
        <label>
          {t('settings.speedBonus')}{' '}
          <input
            type="number"
            min={0}
            max={LIMITS.pointsMax}
            value={form.quizSpeedBonus}
            onChange={(e) => set({ quizSpeedBonus: e.currentTarget.value })}
          />
        </label>
      </div>
      <label className="stack">
        {t('settings.speedWindow')}
        <input
          type="number"
          min={1}
          max={LIMITS.speedWindowSecMax}
          value={form.quizSpeedWindowSec}
          onChange={(e) => set({ quizSpeedWindowSec: e.currentTarget.value })}
        />
      </label>
      <p className="note">{t('settings.quizNote')}</p>
    </fieldset>
  );
}

/**
 * The poll's settings (privacy, results, time limit, and for the kinds they concern the profanity filter and quiz
 * mode), folded into a disclosure whose summary shows them as chips: most polls keep the defaults.
 */
export function SettingsFields({ form, set }: SettingsProps) {
  const group = useId();
  const t = useT();
  const closeFault = useFieldFault('settings.closeAfterSec');
  return (
    <details className="panel composer-settings" data-testid="composer-settings">
      <SettingsSummary form={form} />
      <fieldset>
        <legend className="visually-hidden">{t('settings.title')}</legend>
        <Toggle checked={form.anonymous} onChange={(anonymous) => set({ anonymous })} label="settings.anonymous" />
        <Toggle
          checked={form.allowAnswerChange}
          onChange={(allowAnswerChange) => set({ allowAnswerChange })}
          label="settings.allowChange"
        />
        <fieldset>
          <legend>{t('settings.showResults')}</legend>
          {VISIBILITY.map((v) => (
            <label className="choice" key={v.value}>
              <input
                type="radio"
                name={group}
                checked={form.resultsVisibility === v.value}
                onChange={() => set({ resultsVisibility: v.value })}
              />{' '}
              {t(v.label)}
            </label>
          ))}
        </fieldset>
        <label className="stack">
          {t('settings.closeAfter')}
          <input
            type="number"
            min={5}
            max={LIMITS.closeAfterSecMax}
            {...closeFault.props}
            value={form.closeAfterSec}
            onChange={(e) => set({ closeAfterSec: e.currentTarget.value })}
          />
        </label>
        {closeFault.message}
        {hasOpenText(form) && (
          <Toggle
            checked={form.profanityFilter}
            onChange={(profanityFilter) => set({ profanityFilter })}
            label="settings.profanity"
          />
        )}
        {hasOpenText(form) && form.profanityFilter && (
          <label className="stack">
            {t('settings.blockedWords')}
            <input value={form.blockedWords} onChange={(e) => set({ blockedWords: e.currentTarget.value })} />
          </label>
        )}
        {mayBeQuiz(form) && <Toggle checked={form.quiz} onChange={(on) => set(quizSwitch(on))} label="settings.quiz" />}
        {isQuiz(form) && <QuizFields form={form} set={set} />}
      </fieldset>
    </details>
  );
}
