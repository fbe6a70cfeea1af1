// What the engine's verbs receive: the tenant, who acts and from where (the identity package's
// context), and the clock, so that deadline tests can pin "now".
import type { AuthContext } from '@motcua/auth';

export interface EngineContext extends AuthContext {
  now?: () => Date;
  /**
   * Set by server-side verbs that act for the platform itself (a provider's verified payment
   * notice), never from a request: the state machine sees the `system` actor.
   */
  asSystem?: string;
  /**
   * The agency's site as the request reached it (`https://hue.motcua.vn`, or `…/t/hue` on the
   * path fallback), for links in the emails a step queues. Taken from the resolved tenant,
   * never from a raw Host header.
   */
  siteUrl?: string;
}

export const nowOf = (ctx: EngineContext): Date => ctx.now?.() ?? new Date();
