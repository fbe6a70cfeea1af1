// The agency console's dossier pages: the home with what needs attention, the queue, one
// dossier with the actions its viewer may take, and their strings. Names carry "console" so
// that they cannot clash with the other areas' exports through packages/ui/src/index.ts.
export { DossierPage as ConsoleDossierPage } from './dossier-page.tsx';
export { DossierConsoleHome, type DossierHomeProps as DossierConsoleHomeProps } from './home-page.tsx';
export {
  QueuePage as ConsoleQueuePage,
  type QueuePageProps as ConsoleQueuePageProps,
  queueHref as consoleQueueHref,
} from './queue-page.tsx';
export {
  type DossierStringKey as ConsoleDossierStringKey,
  dossierText as consoleDossierText,
} from './strings.ts';
export {
  type AnswerRow as ConsoleAnswerRow,
  type AttentionCounts as ConsoleAttentionCounts,
  actionSlug as consoleActionSlug,
  type ConsoleAction,
  consoleActions,
  type DossierPageProps as ConsoleDossierPageProps,
  type FileLink as ConsoleFileLink,
  isConsoleAction,
  type QueueFilters as ConsoleQueueFilters,
  type QueueRow as ConsoleQueueRow,
  type TimelineRow as ConsoleTimelineRow,
} from './types.ts';
