/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The parts edited whole on one page each: general information, processing time, fees and
// workflow steps. GET shows the draft's values; POST saves through the engine's pure edit and
// answers 303 back to the overview, or the page again (400) with its errors and nothing saved.
import {
  editProcedureDraft,
  type ProcedureDraft,
  setFees,
  setGeneralInfo,
  setProcessingTime,
  setWorkflowSteps,
} from '@motcua/engine';
import {
  type ProcedureEditPageProps,
  ProcedureFeesPage,
  ProcedureGeneralPage,
  ProcedureStepsPage,
  ProcedureTimePage,
} from '@motcua/ui';
import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { readForm, redirectTo } from '../console-dossiers/gate.tsx';
import { feeValues, generalValues, localizedName, stepValues, timeValues } from './present.ts';
import { openProcedure, procedurePath, refusedErrors } from './support.ts';

interface Part {
  path: string;
  values: (draft: ProcedureDraft) => Record<string, string>;
  edit: (draft: ProcedureDraft, input: Record<string, string>) => ProcedureDraft;
  Page: (props: ProcedureEditPageProps) => ReturnType<typeof ProcedureGeneralPage>;
}

const parts: Part[] = [
  { path: '/general', values: generalValues, edit: setGeneralInfo, Page: ProcedureGeneralPage },
  { path: '/time', values: timeValues, edit: setProcessingTime, Page: ProcedureTimePage },
  { path: '/fees', values: feeValues, edit: setFees, Page: ProcedureFeesPage },
  { path: '/steps', values: stepValues, edit: setWorkflowSteps, Page: ProcedureStepsPage },
];

export function mountPartRoutes(app: Hono<AppEnv>) {
  for (const { path, values, edit, Page } of parts) {
    app.get(`/console/procedures/:code${path}`, async (c) => {
      const opened = await openProcedure(c);
      if (opened instanceof Response) return opened;
      const { base, state } = opened;
      const name = localizedName(state.draft, base.locale);
      return c.html(<Page {...base} code={state.code} name={name} values={values(state.draft)} />);
    });
    app.post(`/console/procedures/:code${path}`, async (c) => {
      const opened = await openProcedure(c);
      if (opened instanceof Response) return opened;
      const { base, ctx, state } = opened;
      const { fields } = await readForm(c);
      try {
        await editProcedureDraft(ctx, state.code, (draft) => edit(draft, fields));
        return redirectTo(c, base, `${procedurePath(state.code)}?done=saved`);
      } catch (error) {
        const errors = refusedErrors(base.locale, error);
        const name = localizedName(state.draft, base.locale);
        return c.html(<Page {...base} errors={errors} code={state.code} name={name} values={fields} />, 400);
      }
    });
  }
}
