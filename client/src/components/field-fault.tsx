import { createContext, useContext, useEffect, useState, type RefObject } from 'react';

/** The composer's current problem, when the rules name the field at fault (a path such as "questions.0.prompt"). */
export interface FieldFaultValue {
  field: string | undefined;
  message: string;
  /** The id of the message shown beside the field, for its aria-describedby. */
  id: string;
}

const FieldFaultContext = createContext<FieldFaultValue | null>(null);

/** Gives the composer's fields the current problem. */
export const FieldFaultProvider = FieldFaultContext.Provider;

/**
 * For the input at `field`: its data-field (the composer finds and focuses it by that), and while the problem
 * is its own, aria-invalid and the message beside it, which describes it.
 */
export function useFieldFault(field: string) {
  const fault = useContext(FieldFaultContext);
  const own = fault !== null && fault.field === field;
  return {
    props: {
      'data-field': field,
      'aria-invalid': own || undefined,
      'aria-describedby': own ? fault.id : undefined,
    },
    message: own ? (
      <p className="error field-error" id={fault.id} data-testid="field-error">
        {fault.message}
      </p>
    ) : null,
  };
}

/**
 * After each new problem, moves focus to the field at fault (unfolding the settings when it is in them).
 * Returns whether a field shows the message; if none does (a server refusal, a rule about no one field),
 * the composer shows it by its buttons.
 */
export function useFaultFocus(form: RefObject<HTMLFormElement | null>, fault: FieldFaultValue | null): boolean {
  const [placed, setPlaced] = useState(false);
  useEffect(() => {
    const fields = [...(form.current?.querySelectorAll<HTMLElement>('[data-field]') ?? [])];
    const at = fault?.field === undefined ? undefined : fields.find((el) => el.dataset.field === fault.field);
    setPlaced(at !== undefined);
    if (!at) return;
    const details = at.closest('details');
    if (details && !details.open) details.open = true;
    at.focus();
  }, [form, fault]);
  return placed;
}
