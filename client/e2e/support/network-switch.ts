import type { Page, Route } from 'playwright-core';

/** 'up': normal; 'deaf': frames sent still leave but nothing arrives; 'down': the connection is gone. */
export type NetMode = 'up' | 'deaf' | 'down';

/**
 * Runs in every frame before its own scripts (a string, so no bundler helper leaks into the page).
 * Playwright's routing cannot tell one frame's WebSocket from another's, so each frame's WebSocket
 * class is wrapped and switched from the test. Test instrumentation only: the app is unchanged.
 */
const SWITCH_SCRIPT = `(() => {
  const Native = window.WebSocket;
  const sockets = new Set();
  let mode = 'up';
  class SwitchedWebSocket extends Native {
    constructor(url, protocols) {
      // While down, dial a port nothing listens on, so the attempt fails as on a dead network.
      super(mode === 'down' ? 'ws://127.0.0.1:1/' : url, protocols);
      this.carriesTraffic = false;
      sockets.add(this);
      this.addEventListener('close', () => sockets.delete(this));
      this.addEventListener('message', (event) => { if (mode !== 'up') event.stopImmediatePropagation(); });
    }
    send(data) {
      // engine.io's upgrade packet: from here on this socket, not HTTP polling, carries the session.
      if (data === '5') this.carriesTraffic = true;
      super.send(data);
    }
  }
  window.WebSocket = SwitchedWebSocket;
  window.__e2eNet = {
    set(next) {
      mode = next;
      if (next === 'down') sockets.forEach((s) => s.close());
    },
    upgraded: () => [...sockets].some((s) => s.readyState === Native.OPEN && s.carriesTraffic),
  };
})();`;

interface NetHook {
  __e2eNet: { set(mode: NetMode): void; upgraded(): boolean };
}

/** Cuts or mutes the realtime connection of one app frame while the others stay connected. */
export class NetworkSwitch {
  private readonly blocked = new Set<string>();
  private routed = false;

  private constructor(private readonly page: Page) {}

  /** Installs the switch; call before the page loads its frames. */
  static async install(page: Page): Promise<NetworkSwitch> {
    await page.addInitScript(SWITCH_SCRIPT);
    return new NetworkSwitch(page);
  }

  /** True once the frame's socket.io session runs over its WebSocket (the state to cut from). */
  async upgraded(frameName: string): Promise<boolean> {
    const frame = this.page.frame({ name: frameName });
    return frame ? frame.evaluate(() => (window as unknown as NetHook).__e2eNet.upgraded()).catch(() => false) : false;
  }

  /** Switches one frame's connection; HTTP long-polling (socket.io's first transport) is blocked alongside. */
  async set(frameName: string, mode: NetMode): Promise<void> {
    if (mode === 'up') this.blocked.delete(frameName);
    else this.blocked.add(frameName);
    await this.ensureRoute();
    const frame = this.page.frame({ name: frameName });
    if (!frame) throw new Error(`no frame named ${frameName}`);
    await frame.evaluate((m) => (window as unknown as NetHook).__e2eNet.set(m), mode);
  }

  private async ensureRoute(): Promise<void> {
    if (this.routed) return;
    this.routed = true;
    await this.page.route('**/socket.io/**', (route: Route) => {
      const name = route.request().frame().name();
      return this.blocked.has(name) ? route.abort('internetdisconnected') : route.fallback();
    });
  }
}
