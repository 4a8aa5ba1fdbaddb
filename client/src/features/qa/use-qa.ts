import { useState } from 'react';
import { isHostRole, type QaOrder, type QaQuestionView, type QaSettings } from '@quorum/shared';
import { useMeetingState } from '../../app-context';
import { qaQuestions, type QaState } from '../../realtime/qa-state';

/** The meeting's Q&A as a view needs it: settings (null before the server sent any), and who is looking. */
export interface QaView {
  qa: QaState;
  settings: QaSettings | null;
  host: boolean;
}

export function useQaView(): QaView {
  const state = useMeetingState();
  const qa = state.qa;
  return {
    qa,
    settings: qa.list?.settings ?? qa.mine?.settings ?? null,
    host: state.session !== null && isHostRole(state.session.role),
  };
}

/** The list in the order the viewer picked (Top unless they switched). */
export function useOrderedQuestions(qa: QaState): {
  order: QaOrder;
  setOrder: (order: QaOrder) => void;
  questions: QaQuestionView[];
} {
  const [order, setOrder] = useState<QaOrder>('top');
  return { order, setOrder, questions: qaQuestions(qa, order) };
}

/** Questions may still be changed by their asker (the domain's rule: until a host answered or set them aside). */
export const ownChangesOpen = (q: QaQuestionView): boolean => q.status === 'waiting' || q.status === 'live';

/** The code-point length people count, as the server does. */
export const textLength = (text: string): number => [...text.trim()].length;
