import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { fetchAppContext } from './app-context-client';
import { createFrameRegistry } from './frame-registry';
import type { Meeting } from './meeting-controller';
import { SimApp } from './sim-app';
import { readSimOptions } from './sim-options';
import { createSimulator } from './simulator';
import { SimContext } from './use-sim';
import './sim.css';

declare global {
  interface Window {
    /** Scripting hook for e2e tests and the devtools console: the meeting's actions and state. */
    quorumSim?: { meeting: Meeting };
  }
}

const frames = createFrameRegistry();
const options = readSimOptions(window.location.search, window.location.origin);
const { meeting, cloud } = createSimulator({ host: window, frames, options, fetchContext: fetchAppContext });
window.quorumSim = { meeting };

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <SimContext.Provider value={{ meeting, frames, cloud }}>
      <SimApp />
    </SimContext.Provider>
  </StrictMode>,
);
