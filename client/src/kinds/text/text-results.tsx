import { useState } from 'react';
import type { QuestionOf, TextTally } from '@quorum/shared';
import { useIntl } from 'react-intl';
import { useT } from '../../i18n';

/** Hides or shows again one answer (`answer:hide`); resolves true when the server agreed. */
export type Moderate = (ballotId: string, hidden: boolean) => Promise<boolean>;

interface TextResultsProps {
  question: QuestionOf<'text'>;
  tally: TextTally | undefined;
  /** Present for hosts who may moderate: a Hide button per answer. */
  moderate?: Moderate | undefined;
}

const CLOUD_WORDS = 40;

/** The cloud's words in alphabetical order, each with a font size from 0.85 to 2 rem by its frequency. */
export function cloudLayout(
  counts: Record<string, number>,
  max = CLOUD_WORDS,
): { word: string; count: number; rem: number }[] {
  const top = Object.entries(counts)
    .sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
    .slice(0, max);
  const most = top[0]?.[1] ?? 1;
  return top
    .map(([word, count]) => ({ word, count, rem: Number((0.85 + 1.15 * Math.sqrt(count / most)).toFixed(2)) }))
    .sort((a, b) => a.word.localeCompare(b.word));
}

/** The word cloud is a picture (hidden from screen readers); the table under it says the same in rows. */
function WordCloud({ counts, prompt }: { counts: Record<string, number>; prompt: string }) {
  const intl = useIntl();
  const t = useT();
  const words = cloudLayout(counts);
  if (words.length === 0) return null;
  const table = Object.entries(counts).sort(([a, m], [b, n]) => n - m || a.localeCompare(b));
  return (
    <>
      <p className="cloud" aria-hidden="true" data-testid="word-cloud">
        {words.map((w) => (
          <span
            key={w.word}
            style={{ fontSize: `${w.rem}rem` }}
            title={t('common.titledDetail', { title: w.word, detail: intl.formatNumber(w.count) })}
          >
            {w.word}
          </span>
        ))}
      </p>
      <details className="more">
        <summary>{t('text.wordCountsN', { count: table.length })}</summary>
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('text.wordCounts', { prompt })}>
          <table className="grid-table" data-testid="word-table">
            <thead>
              <tr>
                <th scope="col">{t('text.word')}</th>
                <th scope="col">{t('text.usingIt')}</th>
              </tr>
            </thead>
            <tbody>
              {table.map(([word, count]) => (
                <tr key={word}>
                  <th scope="row">{word}</th>
                  <td>{intl.formatNumber(count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}

const excerpt = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

type ShownAnswer = { ballotId: string; text: string };

/** Hide / Unhide with the answers hidden from this view kept, so a host can take a hide back (tallies list visible answers only). */
function useHiding(moderate: Moderate | undefined) {
  const [hiddenHere, setHiddenHere] = useState<ShownAnswer[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const toggle = async (answer: ShownAnswer, hidden: boolean) => {
    if (!moderate) return;
    setBusy(answer.ballotId);
    const done = await moderate(answer.ballotId, hidden);
    setBusy(null);
    if (done)
      setHiddenHere((list) => (hidden ? [...list, answer] : list.filter((h) => h.ballotId !== answer.ballotId)));
  };
  return { hiddenHere, busy, toggle };
}

interface AnswerListProps {
  answers: ShownAnswer[];
  label: string;
  testId: string;
  /** The moderation button of each answer: Hide in the results, Unhide among hidden ones. */
  action?: { hide: boolean; busy: string | null; toggle: (answer: ShownAnswer, hidden: boolean) => void } | undefined;
}

function AnswerList({ answers, label, testId, action }: AnswerListProps) {
  const t = useT();
  return (
    <ul className="answers" aria-label={label}>
      {answers.map((a) => (
        <li key={a.ballotId} data-testid={testId} data-ballot-id={a.ballotId}>
          <span className="grow">{a.text}</span>
          {action && (
            <button
              type="button"
              className="small"
              disabled={action.busy === a.ballotId}
              aria-label={t(action.hide ? 'text.hideAnswer' : 'text.unhideAnswer', { text: excerpt(a.text) })}
              onClick={() => action.toggle(a, action.hide)}
            >
              {t(action.hide ? 'text.hide' : 'text.unhide')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Open text results: the word cloud with its table, the newest answers, and hosts' Hide / Unhide. */
export function TextResults({ question, tally, moderate }: TextResultsProps) {
  const { hiddenHere, busy, toggle } = useHiding(moderate);
  const answers = (tally?.answers ?? []).filter((a) => !hiddenHere.some((h) => h.ballotId === a.ballotId));
  const act = (hide: boolean) =>
    moderate && { hide, busy, toggle: (a: ShownAnswer, hidden: boolean) => void toggle(a, hidden) };
  const hiddenCount = tally?.hidden ?? 0;
  const t = useT();
  return (
    <>
      <WordCloud counts={tally?.counts ?? {}} prompt={question.prompt} />
      <p className="note">
        {t('text.answers', { count: tally?.voters ?? 0 })}
        {hiddenCount > 0 ? t('text.hiddenByHost', { count: hiddenCount }) : ''}
      </p>
      {answers.length > 0 && (
        <AnswerList
          answers={answers}
          label={t('text.answersTo', { prompt: question.prompt })}
          testId="text-answer"
          action={act(true)}
        />
      )}
      {moderate && hiddenHere.length > 0 && (
        <details className="more">
          <summary>{t('text.hiddenByYou', { count: hiddenHere.length })}</summary>
          <AnswerList answers={hiddenHere} label={t('text.hiddenAnswers')} testId="hidden-answer" action={act(false)} />
        </details>
      )}
    </>
  );
}
