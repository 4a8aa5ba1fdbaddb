import { useRef, useState, type ChangeEvent } from 'react';
import { useAnnounce } from '../../components/announcer';
import { saveBlob } from '../../session/download';
import type { TemplateSync } from './template-sync';
import { TEMPLATES_FILE_NAME } from './templates-file';

/** Import and export of the whole library as a JSON file (to share polls, or move them between accounts). */
export function LibraryTransfer({ sync }: { sync: TemplateSync }) {
  const announce = useAnnounce();
  const picker = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const report = (text: string, failed: boolean) => {
    setProblem(failed ? text : null);
    announce(text);
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // the same file may be picked again after fixing it
    if (!file) return;
    setBusy(true);
    const result = await sync.importText(await file.text());
    setBusy(false);
    if (result.ok) report(`Imported ${result.data} ${result.data === 1 ? 'poll' : 'polls'} from ${file.name}.`, false);
    else report(`${file.name} was not imported. ${result.error.message}`, true);
  };

  const onExport = async () => {
    setBusy(true);
    try {
      saveBlob(await sync.exportFile(), TEMPLATES_FILE_NAME);
      report('Exported the poll library.', false);
    } catch (error) {
      report(`The library could not be exported: ${error instanceof Error ? error.message : String(error)}`, true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="library-transfer">
      <div className="actions">
        <button type="button" disabled={busy} data-testid="import-templates" onClick={() => picker.current?.click()}>
          Import…
        </button>
        <button type="button" disabled={busy} data-testid="export-templates" onClick={() => void onExport()}>
          Export
        </button>
      </div>
      <input ref={picker} type="file" accept="application/json,.json" hidden aria-label="JSON file of polls to import" data-testid="import-file" onChange={(e) => void onFile(e)} />
      {problem && (
        <p className="error" role="alert" data-testid="import-error">
          {problem}
        </p>
      )}
    </div>
  );
}
