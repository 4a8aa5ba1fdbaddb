/** Small inline icons (decorative, hidden from screen readers): no icon font or emoji font is needed. */
const svgProps = {
  width: 28,
  height: 28,
  viewBox: '0 0 24 24',
  'aria-hidden': true,
  focusable: false,
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const;

/** Three bars: "polls and results". */
export function BarsIcon() {
  return (
    <svg {...svgProps}>
      <path d="M4 20V12M10 20V5M16 20v-9M21 20H3" />
    </svg>
  );
}

/** A triangle with an exclamation mark: "something went wrong". */
export function WarningIcon() {
  return (
    <svg {...svgProps}>
      <path d="M12 3 2 21h20L12 3z" />
      <path d="M12 10v5M12 18h.01" />
    </svg>
  );
}

/** A cog: "settings". */
export function GearIcon() {
  return (
    <svg {...svgProps} width={20} height={20}>
      <circle cx="12" cy="12" r="3" />
      <path d="M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9 7 7M17 17l2.1 2.1M4.9 19.1 7 17M17 7l2.1-2.1" />
    </svg>
  );
}
