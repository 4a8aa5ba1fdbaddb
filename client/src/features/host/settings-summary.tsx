import { pollRules } from '../../components/poll-rules';
import { useT, type MessageId } from '../../i18n';
import type { PollForm } from './composer-model';
import { isQuiz } from './kind-settings';

/** Each rule of the poll (the line its card and ballot show) as a chip's few words. */
const CHIP_OF_RULE = {
  'rules.anonymous': 'chip.anonymous',
  'rules.named': 'chip.named',
  'rules.canChange': 'chip.canChange',
  'rules.final': 'chip.final',
  'rules.resultsLive': 'chip.resultsLive',
  'rules.resultsAfterClose': 'chip.resultsAfterClose',
  'rules.resultsHostOnly': 'chip.resultsHostOnly',
} as const satisfies Partial<Record<MessageId, MessageId>>;

/** One chip: a message and its values. */
export interface Chip {
  id: MessageId;
  values?: Record<string, number>;
}

/** The settings as chips: the poll's rules, then a time limit and quiz mode when they are set. */
export function settingsChips(form: PollForm): Chip[] {
  const rules = pollRules({ settings: form }).map((rule) => ({ id: CHIP_OF_RULE[rule] }));
  const seconds = Number(form.closeAfterSec);
  const limit: Chip[] =
    form.closeAfterSec.trim() !== '' && Number.isFinite(seconds)
      ? [{ id: 'chip.closeAfter', values: { seconds } }]
      : [];
  return [...rules, ...limit, ...(isQuiz(form) ? [{ id: 'chip.quiz' as const }] : [])];
}

/**
 * The closed settings disclosure's summary: "Settings" and the chips, so the host sees the rules at a glance
 * and opens the details only to change one (Slido's "Live results · Named" row).
 */
export function SettingsSummary({ form }: { form: PollForm }) {
  const t = useT();
  return (
    <summary data-testid="settings-summary">
      <span className="summary-title">{t('settings.title')}</span>
      <span className="chips">
        {settingsChips(form).map((chip) => (
          <span className="chip" key={chip.id}>
            {t(chip.id, chip.values)}
          </span>
        ))}
      </span>
    </summary>
  );
}
