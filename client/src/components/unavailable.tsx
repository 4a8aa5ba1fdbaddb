import { useT, type MessageId } from '../i18n';

/** A short note in place of a feature this Zoom client does not offer (`feature`/`reason` are message ids). */
export function Unavailable({ feature, reason }: { feature: MessageId; reason?: MessageId }) {
  const t = useT();
  return (
    <p className="note">
      {reason
        ? t('unavailable.because', { feature: t(feature), reason: t(reason) })
        : t('unavailable.inVersion', { feature: t(feature) })}
    </p>
  );
}
