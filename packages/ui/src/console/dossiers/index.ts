// The agency console's dossier pages: the home with what needs attention, the queue, one
// dossier with the actions its viewer may take, and their strings. Names carry "console" so
// that they cannot clash with the other areas' exports through packages/ui/src/index.ts.
export { ConsoleDossierPage } from './dossier-page.tsx';
export { DossierConsoleHome, type DossierConsoleHomeProps } from './home-page.tsx';
export {
  ConsoleQueuePage,
  type ConsoleQueuePageProps,
  consoleQueueHref,
} from './queue-page.tsx';
export {
  type ConsoleDossierStringKey,
  consoleDossierText,
} from './strings.ts';
export {
  type ConsoleAction,
  type ConsoleAnswerRow,
  type ConsoleAttentionCounts,
  type ConsoleDossierPageProps,
  type ConsoleFileLink,
  type ConsoleQueueFilters,
  type ConsoleQueueRow,
  type ConsoleTimelineRow,
  consoleActionSlug,
  consoleActions,
  isConsoleAction,
} from './types.ts';
