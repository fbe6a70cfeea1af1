// What the engine's verbs receive: the tenant, who acts and from where (the identity package's
// context), and the clock, so that deadline tests can pin "now".
import type { AuthContext } from '@motcua/auth';

export interface EngineContext extends AuthContext {
  now?: () => Date;
}

export const nowOf = (ctx: EngineContext): Date => ctx.now?.() ?? new Date();
