import { describe, expect, it } from 'vitest';
import { createSmtpHealth } from './smtp-health.ts';

describe('createSmtpHealth', () => {
  it('lets every visit send while the server answers', () => {
    const health = createSmtpHealth({ now: () => 0 });
    expect([health.tryAcquire(), health.tryAcquire()]).toEqual(['send', 'send']);
    expect(health.isDown()).toBe(false);
  });

  it('pauses after a failure, then allows one probe at a time after a doubling delay up to the ceiling', () => {
    let clock = 1_000;
    const health = createSmtpHealth({ initialDelayMs: 100, maxDelayMs: 350, now: () => clock });
    expect(health.recordUnreachable()).toEqual({ delayMs: 100, started: true });
    expect(health.tryAcquire()).toBe('wait');
    clock += 100;
    expect(health.tryAcquire()).toBe('probe');
    expect(health.tryAcquire()).toBe('wait');
    expect(health.recordUnreachable()).toEqual({ delayMs: 200, started: false });
    clock += 200;
    expect(health.tryAcquire()).toBe('probe');
    expect(health.recordUnreachable().delayMs).toBe(350);
    clock += 350;
    expect(health.tryAcquire()).toBe('probe');
    expect(health.recordUnreachable().delayMs).toBe(350);
    expect(health.nextProbeAt()).toBe(clock + 350);
  });

  it('hands an unused probe to the next visit, and ends the pause at the first answer', () => {
    let clock = 0;
    const health = createSmtpHealth({ initialDelayMs: 10, now: () => clock });
    health.recordUnreachable();
    clock = 10;
    expect(health.tryAcquire()).toBe('probe');
    health.releaseProbe();
    expect(health.tryAcquire()).toBe('probe');
    expect(health.recordReachable()).toEqual({ recovered: true });
    expect(health.tryAcquire()).toBe('send');
    expect(health.recordReachable()).toEqual({ recovered: false });
    // A new outage starts again from the first delay.
    expect(health.recordUnreachable()).toEqual({ delayMs: 10, started: true });
  });
});
