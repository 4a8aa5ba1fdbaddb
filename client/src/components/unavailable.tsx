/** A short note in place of a feature this Zoom client does not offer. */
export function Unavailable({ feature, reason }: { feature: string; reason?: string }) {
  return (
    <p className="note">
      {feature} is not available here{reason ? `: ${reason}` : ' in this version of Zoom'}.
    </p>
  );
}
