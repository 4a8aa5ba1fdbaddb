import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { Answer, Question } from '@quorum/shared';
import { render, settle, trackViews } from '../../test/render';
import { multipleView } from './multiple';

const question = {
  id: 'q',
  kind: 'multiple',
  prompt: 'Toppings?',
  options: ['Cheese', 'Olives', 'Basil'].map((label, i) => ({ id: `o${i}`, label })),
  minPicks: 1,
  maxPicks: 2,
} as Extract<Question, { kind: 'multiple' }>;

function Ballot() {
  const [answer, setAnswer] = useState<Answer | undefined>();
  const Input = multipleView.Input;
  return (
    <Input
      question={question}
      answer={answer}
      onChange={setAnswer}
      name="q"
      labelledBy="l"
      describedBy={undefined}
      invalid={false}
      required
    />
  );
}

const track = trackViews();

describe('multiple choice ballot', () => {
  it('stops further picks at maxPicks, and frees them again when one is unticked', async () => {
    const view = track(await render(<Ballot />));
    const boxes = () => [...view.container.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    await settle(() => boxes()[0]!.click());
    expect(boxes().map((b) => b.disabled)).toEqual([false, false, false]);
    await settle(() => boxes()[1]!.click());
    expect(boxes().map((b) => b.disabled)).toEqual([false, false, true]);
    await settle(() => boxes()[0]!.click());
    expect(boxes().map((b) => b.disabled)).toEqual([false, false, false]);
  });
});
