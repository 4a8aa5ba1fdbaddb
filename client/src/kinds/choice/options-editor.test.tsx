import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { render, settle, trackViews } from '../../test/render';
import { blankChoiceForm, pasteOptions, type ChoiceForm } from './choice-form';
import { OptionsEditor } from './options-editor';

/** The options editor with its own state, as the composer holds it. */
function Editor({ seen }: { seen: (form: ChoiceForm) => void }) {
  const [form, setForm] = useState(blankChoiceForm);
  seen(form);
  return <OptionsEditor index={0} form={form} onChange={setForm} quiz={false} variant="single" />;
}

const track = trackViews();

async function editor() {
  let latest = blankChoiceForm();
  const view = track(await render(<Editor seen={(form) => (latest = form)} />));
  const rows = () => [...view.container.querySelectorAll<HTMLInputElement>('input.grow')];
  return { rows, labels: () => latest.options.map((o) => o.label) };
}

const press = (input: HTMLInputElement, key: string) =>
  settle(() => input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })));

async function paste(input: HTMLInputElement, text: string): Promise<boolean> {
  const event = new Event('paste', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'clipboardData', { value: { getData: () => text } });
  await settle(() => input.dispatchEvent(event));
  return event.defaultPrevented;
}

describe('options editor', () => {
  it('Enter moves to the next option, and after the last one adds a row and focuses it', async () => {
    const { rows } = await editor();
    rows()[0]!.focus();
    await press(rows()[0]!, 'Enter');
    expect(document.activeElement).toBe(rows()[1]);
    expect(rows()).toHaveLength(2);
    await press(rows()[1]!, 'Enter');
    expect(rows()).toHaveLength(3);
    expect(document.activeElement).toBe(rows()[2]);
  });

  it('turns a pasted list into options, dropping bullets and numbers; a one-line paste stays ordinary', async () => {
    const { rows, labels } = await editor();
    expect(await paste(rows()[0]!, 'Just one')).toBe(false);
    expect(await paste(rows()[0]!, '- Tacos\n2. Noodles\n\n• Salad\n')).toBe(true);
    expect(labels()).toEqual(['Tacos', 'Noodles', 'Salad', '']);
  });

  it('never pastes past the option limit', () => {
    const form = blankChoiceForm();
    const many = Array.from({ length: 30 }, (_, i) => `Option ${i}`).join('\n');
    expect(pasteOptions(form.options, 0, many, 10)).toHaveLength(10);
  });
});
