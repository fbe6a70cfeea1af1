/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// One agency for operators: its overview and usage, the latest provisioning or offboarding run step by
// step (updated live by /ops/progress.js when JavaScript runs, a refresh link otherwise), a
// failure with the step's error and a retry, and the lifecycle actions the operator's role allows.
import { TextAreaControl } from '../shared/components.tsx';
import { AdminInvitationSection, UndeliverableSection, type UndeliverableView } from './mail-section.tsx';
import {
  formatDate,
  kindLabel,
  OpsFrame,
  type OpsPageBase,
  opsHref,
  StepStatusTag,
  say,
  TenantStatusTag,
} from './parts.tsx';
import { type StepStatusName, stepLabel, type TenantStatusName } from './strings.ts';
import { UsageSection, type UsageView } from './usage.tsx';

export interface RunStepView {
  name: string;
  status: StepStatusName;
  error?: string | undefined;
}

export interface RunView {
  kind: 'provision' | 'offboard';
  status: 'running' | 'failed' | 'succeeded';
  attempts: number;
  steps: RunStepView[];
}

export interface TenantView {
  slug: string;
  name: string;
  kind: string;
  status: TenantStatusName;
  adminEmail: string;
  schemaVersion: number;
  createdAt: Date;
  suspendedAt: Date | null;
  suspendedReason: string | null;
}

export const tenantNotices = [
  'created',
  'suspended',
  'resumed',
  'retried',
  'offboarding',
  'invited',
] as const;
export type TenantNotice = (typeof tenantNotices)[number];

export interface TenantPageProps extends OpsPageBase {
  tenant: TenantView;
  schemaHead: number;
  /** The latest run, or null for an agency created outside provisioning. */
  run: RunView | null;
  portalUrl: string;
  /** Where the export archive downloads from, when one exists and the operator may take it. */
  exportUrl?: string | undefined;
  canManage: boolean;
  notice?: TenantNotice | undefined;
  /** The latest measured usage; absent or null when the agency has not been measured yet. */
  usage?: UsageView | null | undefined;
  /** The suspension reason typed, when its form comes back with an error. */
  reason?: string | undefined;
  /** The agency's emails given up by the worker; absent for an agency that is not live. */
  undeliverable?: UndeliverableView | null | undefined;
  /** True while the first admin has not accepted the invitation. */
  adminInvitationPending?: boolean | undefined;
}

const noticeKeys = {
  created: 'noticeCreated',
  suspended: 'noticeSuspended',
  resumed: 'noticeResumed',
  retried: 'noticeRetried',
  offboarding: 'noticeOffboarding',
  invited: 'noticeInvited',
} as const;

function Overview(page: TenantPageProps) {
  const { tenant, locale } = page;
  const live = tenant.status === 'active' || tenant.status === 'suspended';
  return (
    <dl class="summary ops-summary">
      <dt>{say(page, 'colStatus')}</dt>
      <dd id="ops-tenant-status">
        <TenantStatusTag locale={locale} status={tenant.status} />
      </dd>
      <dt>{say(page, 'colSlug')}</dt>
      <dd>
        <code>{tenant.slug}</code>
      </dd>
      <dt>{say(page, 'colKind')}</dt>
      <dd>{kindLabel(locale, tenant.kind)}</dd>
      <dt>{say(page, 'adminEmail')}</dt>
      <dd>{tenant.adminEmail}</dd>
      <dt>{say(page, 'colSchema')}</dt>
      <dd>
        {tenant.schemaVersion} / {page.schemaHead}
      </dd>
      <dt>{say(page, 'colCreated')}</dt>
      <dd>{formatDate(locale, tenant.createdAt, true)}</dd>
      {tenant.suspendedAt ? (
        <>
          <dt>{say(page, 'suspendedAt')}</dt>
          <dd>{formatDate(locale, tenant.suspendedAt, true)}</dd>
          {tenant.suspendedReason ? (
            <>
              <dt>{say(page, 'suspendedReason')}</dt>
              <dd id="ops-suspended-reason">{tenant.suspendedReason}</dd>
            </>
          ) : null}
        </>
      ) : null}
      {live ? (
        <>
          <dt>{say(page, 'portal')}</dt>
          <dd>
            <a href={page.portalUrl} id="ops-portal-link">
              {page.portalUrl}
            </a>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function RetryForm(page: TenantPageProps) {
  if (!page.canManage) return null;
  return (
    <form method="post" action={opsHref(page, `/ops/tenants/${page.tenant.slug}/retry`)}>
      <button type="submit" class="button" id="ops-retry">
        {say(page, 'retry')}
      </button>
    </form>
  );
}

/** What the run ends with: shown now if it has ended, or hidden until the live script reveals it. */
function Outcome(page: TenantPageProps & { run: RunView }) {
  const { run } = page;
  const failedStep = run.steps.find((s) => s.status === 'failed');
  return (
    <>
      {run.status === 'failed' ? null : (
        <div id="progress-done" class="banner info" hidden={run.status !== 'succeeded'}>
          <p>{say(page, run.kind === 'provision' ? 'provisionDone' : 'offboardDone')}</p>
          {run.kind === 'provision' ? (
            <p>
              <a href={page.portalUrl}>{say(page, 'openPortal')}</a>
            </p>
          ) : page.exportUrl ? (
            <p>
              <a href={page.exportUrl} id="progress-export">
                {say(page, 'exportDownload')}
              </a>
            </p>
          ) : null}
          <p>
            <a href={opsHref(page, `/ops/tenants/${page.tenant.slug}`)}>{say(page, 'reloadForStatus')}</a>
          </p>
        </div>
      )}
      {run.status === 'succeeded' ? null : (
        <div id="progress-failed" class="banner warning" hidden={run.status !== 'failed'}>
          <h3>{say(page, 'failedTitle')}</h3>
          <p>
            {say(page, 'failedAt')}{' '}
            <strong id="progress-failed-step">
              {failedStep ? stepLabel(page.locale, failedStep.name) : ''}
            </strong>
            : <span id="progress-error">{failedStep?.error ?? ''}</span>
          </p>
          <p>{say(page, 'failedHelp')}</p>
          <RetryForm {...page} />
        </div>
      )}
    </>
  );
}

function Progress(page: TenantPageProps & { run: RunView }) {
  const { run, locale } = page;
  const running = run.status === 'running';
  const progressUrl = opsHref(page, `/ops/tenants/${page.tenant.slug}/progress`);
  return (
    <>
      <h2>{say(page, run.kind === 'provision' ? 'progressProvision' : 'progressOffboard')}</h2>
      <p class="muted">
        {say(page, 'attempt')} {run.attempts}
      </p>
      <ol class="ops-steps" id="ops-steps" data-progress={running ? progressUrl : undefined}>
        {run.steps.map((step) => (
          <li id={`step-${step.name}`}>
            <span class="ops-step-name">{stepLabel(locale, step.name)}</span>{' '}
            <StepStatusTag locale={locale} status={step.status} />
            {step.error ? <p class="error-message ops-step-error">{step.error}</p> : null}
          </li>
        ))}
      </ol>
      {/* Read out by screen readers as steps change; the banners show the same on screen. */}
      <div id="progress-live" role="status" class="visually-hidden" />
      {running ? (
        <p id="progress-refresh">
          {say(page, 'runningNote')}{' '}
          <a href={opsHref(page, `/ops/tenants/${page.tenant.slug}`)}>{say(page, 'refresh')}</a>
        </p>
      ) : null}
      <Outcome {...page} run={run} />
    </>
  );
}

function StatusForm(page: TenantPageProps & { action: 'suspend' | 'resume' }) {
  return (
    <form method="post" action={opsHref(page, `/ops/tenants/${page.tenant.slug}/${page.action}`)} novalidate>
      {page.action === 'suspend' ? (
        <TextAreaControl
          locale={page.locale}
          id="reason"
          label={say(page, 'suspendReason')}
          hint={say(page, 'suspendReasonHint')}
          errors={page.errors}
          value={page.reason}
          rows={2}
        />
      ) : null}
      <button type="submit" class="button" id={`ops-${page.action}`}>
        {say(page, page.action)}
      </button>
    </form>
  );
}

function Actions(page: TenantPageProps) {
  const { status } = page.tenant;
  if (!page.canManage) return <p class="muted">{say(page, 'readOnlyNote')}</p>;
  const offboardable = status === 'active' || status === 'suspended';
  return (
    <div class="ops-actions">
      {status === 'active' ? (
        <>
          <p>{say(page, 'suspendHelp')}</p>
          <StatusForm {...page} action="suspend" />
        </>
      ) : null}
      {status === 'suspended' ? <StatusForm {...page} action="resume" /> : null}
      {page.exportUrl ? (
        <p>
          <a href={page.exportUrl} id="ops-export">
            {say(page, 'exportDownload')}
          </a>
        </p>
      ) : null}
      {offboardable ? (
        <p>
          <a href={opsHref(page, `/ops/tenants/${page.tenant.slug}/offboard`)} id="ops-offboard">
            {say(page, 'offboard')}
          </a>
        </p>
      ) : null}
    </div>
  );
}

export function OpsTenantPage(page: TenantPageProps) {
  const { run } = page;
  return (
    <OpsFrame
      {...page}
      title={page.tenant.name}
      path={`/ops/tenants/${page.tenant.slug}`}
      back={{ href: opsHref(page, '/ops'), label: say(page, 'backToList') }}
    >
      {page.notice ? (
        <div class="banner info" role="status">
          {say(page, noticeKeys[page.notice])}
        </div>
      ) : null}
      <h2>{say(page, 'detailSummary')}</h2>
      <Overview {...page} />
      <UsageSection locale={page.locale} usage={page.usage} />
      {run ? <Progress {...page} run={run} /> : <p class="muted">{say(page, 'noRuns')}</p>}
      <UndeliverableSection locale={page.locale} mail={page.undeliverable} />
      {page.canManage && page.adminInvitationPending ? (
        <AdminInvitationSection {...page} slug={page.tenant.slug} />
      ) : null}
      <h2>{say(page, 'actionsTitle')}</h2>
      <Actions {...page} />
      {run?.status === 'running' ? <script src="/ops/progress.js" defer /> : null}
    </OpsFrame>
  );
}
