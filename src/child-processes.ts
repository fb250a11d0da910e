import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * The server and the command-line scripts started as `npm start` and `npm run <script>` start them
 * (Node with tsx, in the project folder), for the tests, the load test and the benchmark.
 */
const ROOT = path.resolve(__dirname, '..');

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `src/server.ts` in its own process; resolves with its port once it listens. */
export async function startServer(env: Record<string, string>, options: { timeoutMs?: number } = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), options.timeoutMs ?? 120_000);
    const check = () => {
      const m = /kører på http:\/\/localhost:(\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return { child, port, output: () => output, exited };
}

/** Stops a server with SIGTERM (SIGKILL after 30 s); resolves with its exit code. */
export async function stopServer(server: ServerProcess): Promise<number | null> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return server.child.exitCode;
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 30_000);
  const code = await server.exited;
  clearTimeout(timer);
  return code;
}

/**
 * Runs one of scripts/ as `npm run <script>` does, with the given environment; resolves with its exit code and output.
 * With fileSizeLimitKb the process may write no file larger than that (`ulimit -f`): a disk that fails mid-write.
 */
export function runScript(script: string, args: string[], env: Record<string, string>, options: { fileSizeLimitKb?: number } = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const node = ['--import', 'tsx', path.join('scripts', script), ...args];
    const [command, argv] =
      options.fileSizeLimitKb === undefined ? [process.execPath, node] : ['bash', ['-c', `ulimit -f ${options.fileSizeLimitKb} && exec "$0" "$@"`, process.execPath, ...node]];
    const child = spawn(command, argv, {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}
