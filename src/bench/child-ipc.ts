import { fork } from 'node:child_process';
import path from 'node:path';

/**
 * Work run in a child process of its own, with one input and one result over IPC: the
 * bench keeps load generators and the publisher out of the process whose servers it
 * measures (and measures their memory apart). The child file calls answerOnce.
 */
export function forkForResult<I, O>(
  file: string,
  input: I,
  options: { timeoutMs: number; env?: NodeJS.ProcessEnv; beforeSend?: () => Promise<void>; nodeOptions?: string[] },
): Promise<O> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, file), [], {
      execArgv: [...(options.nodeOptions ?? []), '--import', 'tsx'],
      env: options.env ?? { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let answer: { result: O } | undefined;
    let failure: string | undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('message', (message: { ready?: boolean; result?: O; error?: string }) => {
      if (message.ready) {
        (options.beforeSend ?? (async () => undefined))().then(
          () => child.send(input as object),
          (error: unknown) => {
            failure = String(error);
            child.kill('SIGKILL');
          },
        );
        return;
      }
      if (message.error !== undefined) failure = message.error;
      else answer = { result: message.result as O };
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (answer) resolve(answer.result);
      else reject(new Error(`${file} ended (${signal ?? code}) without a result${failure ? `: ${failure}` : ''}`));
    });
  });
}

/** The child's side of forkForResult: says it is loaded, does the work once, sends the result back and exits. */
export function answerOnce<I, O>(work: (input: I) => Promise<O>): void {
  process.once('message', (input: I) => {
    work(input).then(
      (result) => process.send?.({ result }, () => process.exit(0)),
      (error: unknown) => process.send?.({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () => process.exit(1)),
    );
  });
  process.send?.({ ready: true });
}
