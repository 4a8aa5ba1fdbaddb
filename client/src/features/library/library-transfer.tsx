import { useRef, useState, type ChangeEvent } from 'react';
import { useAnnounce } from '../../components/announcer';
import { useT } from '../../i18n';
import { saveBlob } from '../../session/download';
import type { TemplateSync } from './template-sync';
import { TEMPLATES_FILE_NAME } from './templates-file';

/** Import and export of the whole library as a JSON file (to share polls, or move them between accounts). */
export function LibraryTransfer({ sync }: { sync: TemplateSync }) {
  const announce = useAnnounce();
  const picker = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const t = useT();

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
    if (result.ok) report(t('library.imported', { count: result.data, file: file.name }), false);
    else report(t('library.importFailed', { file: file.name, reason: result.error.message }), true);
  };

  const onExport = async () => {
    setBusy(true);
    try {
      saveBlob(await sync.exportFile(), TEMPLATES_FILE_NAME);
      report(t('library.exported'), false);
    } catch (error) {
      report(t('library.exportFailed', { reason: error instanceof Error ? error.message : String(error) }), true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="library-transfer">
      <div className="actions">
        <button type="button" disabled={busy} data-testid="import-templates" onClick={() => picker.current?.click()}>
          {t('library.import')}
        </button>
        <button type="button" disabled={busy} data-testid="export-templates" onClick={() => void onExport()}>
          {t('library.export')}
        </button>
      </div>
      <input
        ref={picker}
        type="file"
        accept="application/json,.json"
        hidden
        aria-label={t('library.importFile')}
        data-testid="import-file"
        onChange={(e) => void onFile(e)}
      />
      {problem && (
        <p className="error" role="alert" data-testid="import-error">
          {problem}
        </p>
      )}
    </div>
  );
}
