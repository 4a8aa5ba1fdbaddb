import { ROLE_LABELS } from './roles';
import type { Person } from './sim-types';

/** "Hana (host)": the name with the role, as the roster and pane headers show it. */
export const personLabel = (p: Person): string => `${p.screenName} (${ROLE_LABELS[p.role].toLowerCase()})`;
