// Whether the SMTP server is taking mail, as one worker sees it. While it is unreachable the
// worker does not push every waiting row into the future (which made a backlog trickle out at
// each row's own retry time after an outage); it pauses as a whole and tries one message, a
// probe, after a delay that doubles up to a ceiling. The first probe that gets an answer ends the
// pause, and the backlog then drains as fast as the server accepts it.

export interface SmtpHealthOptions {
  /** The first wait after the server proves unreachable. */
  initialDelayMs?: number;
  /** The longest wait between probes during a long outage. */
  maxDelayMs?: number;
  now?: () => number;
}

export interface SmtpHealth {
  /** True when a visit may send now: the server is up, or a probe is due and none is in flight. */
  tryAcquire(): 'send' | 'probe' | 'wait';
  /** The probe taken with `tryAcquire` found nothing to send: another visit may probe. */
  releaseProbe(): void;
  /** The server answered (it accepted or refused a message): the pause, if any, ends. */
  recordReachable(): { recovered: boolean };
  /** The server could not be reached: pause, or pause longer. */
  recordUnreachable(): { delayMs: number; started: boolean };
  /** When the next probe may go, or null while the server is up. */
  nextProbeAt(): number | null;
  isDown(): boolean;
}

export function createSmtpHealth({
  initialDelayMs = 1_000,
  maxDelayMs = 60_000,
  now = Date.now,
}: SmtpHealthOptions = {}): SmtpHealth {
  let delayMs = 0;
  let probeAt: number | null = null;
  let probing = false;
  return {
    tryAcquire() {
      if (probeAt === null) return 'send';
      if (probing || now() < probeAt) return 'wait';
      probing = true;
      return 'probe';
    },
    releaseProbe() {
      probing = false;
    },
    recordReachable() {
      const recovered = probeAt !== null;
      probeAt = null;
      probing = false;
      delayMs = 0;
      return { recovered };
    },
    recordUnreachable() {
      const started = probeAt === null;
      delayMs = started ? initialDelayMs : Math.min(maxDelayMs, delayMs * 2);
      probeAt = now() + delayMs;
      probing = false;
      return { delayMs, started };
    },
    nextProbeAt: () => probeAt,
    isDown: () => probeAt !== null,
  };
}
