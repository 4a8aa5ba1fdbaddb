import { useEffect, useRef } from 'react';
import type { Answer, QuestionOf } from '@quorum/shared';
import { useAnnounce } from '../../components/announcer';
import { useT } from '../../i18n';
import { moveItem, rankOrder } from './rank-order';

interface RankInputProps {
  question: QuestionOf<'rank'>;
  answer: Answer | undefined;
  onChange: (answer: Answer) => void;
}

type Direction = 'up' | 'down';

/**
 * Keeps focus on a moved item's button: after a move React re-renders the list, and at the top or
 * bottom the pressed button is disabled, so focus continues from the other one.
 */
function useFocusFollows() {
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const pending = useRef<{ id: string; direction: Direction } | null>(null);
  useEffect(() => {
    const want = pending.current;
    if (!want) return;
    pending.current = null;
    const other: Direction = want.direction === 'up' ? 'down' : 'up';
    [want.direction, other]
      .map((d) => buttons.current.get(`${want.id}:${d}`))
      .find((b) => b && !b.disabled)
      ?.focus();
  });
  const register = (key: string) => (el: HTMLButtonElement | null) =>
    void (el ? buttons.current.set(key, el) : buttons.current.delete(key));
  return { register, follow: (id: string, direction: Direction) => void (pending.current = { id, direction }) };
}

/**
 * Rank order without dragging: each item has "move up" and "move down" buttons, so a keyboard or a
 * switch device reorders as easily as a mouse. Focus follows the moved item; the new place is announced.
 */
export function RankInput({ question, answer, onChange }: RankInputProps) {
  const announce = useAnnounce();
  const order = rankOrder(question, answer);
  const labels = new Map(question.options.map((o) => [o.id, o.label]));
  const focus = useFocusFollows();
  const t = useT();

  const move = (index: number, direction: Direction) => {
    const next = moveItem(order, index, direction === 'up' ? index - 1 : index + 1);
    const id = order[index]!;
    focus.follow(id, direction);
    onChange({ kind: 'rank', optionIds: next });
    announce(t('rank.moved', { item: labels.get(id), place: next.indexOf(id) + 1, total: next.length }));
  };

  return (
    <>
      <ol className="rank-list">
        {order.map((id, i) => (
          <li key={id} className="rank-item" data-testid="rank-item" data-option-id={id}>
            <span className="rank-place" aria-hidden="true">
              {i + 1}
            </span>
            <span className="grow">{labels.get(id)}</span>
            {(['up', 'down'] as const).map((d) => (
              <button
                key={d}
                type="button"
                className="icon"
                ref={focus.register(`${id}:${d}`)}
                aria-label={t(d === 'up' ? 'rank.moveUp' : 'rank.moveDown', { item: labels.get(id) })}
                disabled={d === 'up' ? i === 0 : i === order.length - 1}
                onClick={() => move(i, d)}
              >
                <span aria-hidden="true">{d === 'up' ? '↑' : '↓'}</span>
              </button>
            ))}
          </li>
        ))}
      </ol>
      {answer?.kind !== 'rank' && (
        <button type="button" className="link" onClick={() => onChange({ kind: 'rank', optionIds: order })}>
          {t('rank.keep')}
        </button>
      )}
    </>
  );
}
