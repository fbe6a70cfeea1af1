export {
  allowedActions,
  type ClockChange,
  type DossierDecision,
  type DossierEvent,
  decide,
} from './decide.ts';
export { type ActionInput, actionInputs, parseActionInput } from './inputs.ts';
export {
  type DossierAction,
  type DossierActor,
  type DossierPermission,
  dossierActions,
  type Requirement,
} from './rules.ts';
export {
  channelCode,
  type DossierChannel,
  type DossierSnapshot,
  type DossierState,
  dossierChannels,
  dossierStates,
  isClockRunning,
  isTerminal,
  type NationalStatus,
  nationalStatus,
} from './states.ts';
