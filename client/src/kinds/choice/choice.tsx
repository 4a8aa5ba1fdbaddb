interface ChoiceProps {
  type: 'radio' | 'checkbox';
  name: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  ariaLabel?: string | undefined;
  /** Multiple choice at its limit: the options not picked cannot be picked. */
  disabled?: boolean;
}

/**
 * One radio or checkbox with its visible label, drawn as a full-width tile (a segment on a rating
 * scale) that fills when picked; the native input stays, so assistive tech and the keyboard see a
 * radio group or checkboxes as before.
 */
export function Choice({ type, name, label, checked, onChange, ariaLabel, disabled = false }: ChoiceProps) {
  return (
    <label className="choice tile">
      <input
        type={type}
        name={name}
        checked={checked}
        aria-label={ariaLabel}
        disabled={disabled}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      <span>{label}</span>
    </label>
  );
}
