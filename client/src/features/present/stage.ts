/** The bits of `document` the stage needs (a fake in tests; jsdom has no Fullscreen API). */
export interface StageDocument {
  readonly fullscreenEnabled?: boolean;
  readonly fullscreenElement: Element | null;
  readonly documentElement: { requestFullscreen?: () => Promise<void> };
  exitFullscreen?: () => Promise<void>;
}

/** How present mode makes room: the page's Fullscreen API and, inside Zoom, `expandApp`. */
export interface StageDeps {
  doc: StageDocument;
  /** Zoom's expandApp, when this client offers it (absent otherwise). */
  expand?: ((action: 'expand' | 'collapse') => Promise<void>) | undefined;
}

/**
 * Asks for as much screen as the host allows. Call it from the click that opens present mode: browsers
 * grant fullscreen only during a user gesture. Zoom's panel may refuse fullscreen (the page is then just
 * large inside the expanded panel), so every refusal is ignored. Resolves true when fullscreen was entered.
 */
export async function enterStage({ doc, expand }: StageDeps): Promise<boolean> {
  const fullscreen =
    doc.fullscreenEnabled === true && doc.fullscreenElement === null && doc.documentElement.requestFullscreen
      ? doc.documentElement.requestFullscreen().then(
          () => true,
          () => false,
        )
      : Promise.resolve(false);
  const expanded = expand ? expand('expand').catch(() => undefined) : Promise.resolve();
  const [entered] = await Promise.all([fullscreen, expanded]);
  return entered;
}

/** Gives the screen back: leaves fullscreen if still in it and collapses Zoom's expanded panel. */
export async function leaveStage({ doc, expand }: StageDeps): Promise<void> {
  const exit =
    doc.fullscreenElement !== null && doc.exitFullscreen
      ? doc.exitFullscreen().catch(() => undefined)
      : Promise.resolve();
  await Promise.all([exit, expand ? expand('collapse').catch(() => undefined) : Promise.resolve()]);
}
