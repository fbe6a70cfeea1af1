// What the console's dossier pages show, already resolved by the route (names, links, the
// actions the engine allows this person now): the pages only lay it out.
import type { AuthPageBase } from '../../shared/page-base.ts';

export type ConsolePage = AuthPageBase;

/** The staff actions a console page can offer, in the engine's names. */
export const consoleActions = [
  'receive',
  'refuse',
  'request_supplement',
  'assign',
  'complete_step',
  'request_payment',
  'record_payment',
  'submit_for_approval',
  'return_for_rework',
  'approve',
  'stop',
  'issue_result',
  'return_result',
  'apologise',
] as const;
export type ConsoleAction = (typeof consoleActions)[number];

export function isConsoleAction(value: string): value is ConsoleAction {
  return (consoleActions as readonly string[]).includes(value);
}

/** In URLs actions are kebab-case, as in the API: `/actions/request-supplement`. */
export const consoleActionSlug = (action: ConsoleAction) => action.replaceAll('_', '-');

export type DeadlineFlag = 'on_time' | 'due_soon' | 'late';

export interface ConsoleQueueRow {
  id: string;
  code: string | null;
  procedureName: string;
  applicant: string | null;
  nationalStatus: number | null;
  state: string;
  /** ISO instants. */
  dueAt: string | null;
  deadline: DeadlineFlag | null;
  /** Online dossiers still to be answered: the end of their 8 working hours. */
  answerBy: string | null;
  answerStatus: DeadlineFlag | null;
}

export interface ConsoleQueueFilters {
  state?: string | undefined;
  procedureCode?: string | undefined;
  due?: 'due_soon' | 'late' | undefined;
  mine?: boolean | undefined;
}

export interface ConsoleAttentionCounts {
  submitted: number;
  dueSoon: number;
  late: number;
  mine: number;
  supplementRequested: number;
}

export interface ConsoleFileLink {
  href: string;
  label: string;
}

export interface ConsoleAnswerRow {
  label: string;
  value: string;
  files?: ConsoleFileLink[];
}

export interface ConsoleTimelineRow {
  at: string;
  action: string;
  actor: string;
  /** What the step recorded: a reason, the missing documents, the new date, an answer… */
  notes: string[];
  /** Papers the step attached (a citizen's supplement), to open. */
  files?: ConsoleFileLink[];
}

export interface DossierSummary {
  id: string;
  code: string | null;
  procedureName: string;
  procedureCode: string;
  state: string;
  nationalStatus: number | null;
  channel: 'in_person' | 'online' | 'post';
  feeTotal: number;
  paid: boolean;
  submittedAt: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  finishedAt: string | null;
  assignee: string | null;
  step: string | null;
  rating: number | null;
  revision: number;
}

export interface ConsoleDossierPageProps extends ConsolePage {
  dossier: DossierSummary;
  answers: ConsoleAnswerRow[];
  results: ConsoleFileLink[];
  timeline: ConsoleTimelineRow[];
  forms: ConsoleFileLink[];
  actions: ConsoleAction[];
  /** Active case officers, for the assign form. */
  officers: { id: string; name: string }[];
  /** After a redirect: the action just taken. */
  done?: ConsoleAction | undefined;
  /** The action whose form failed: its values are shown again with the errors. */
  failed?: ConsoleAction | undefined;
  values?: Record<string, string>;
  /** How many empty rows the supplement form offers without JavaScript. */
  supplementRows?: number;
}
