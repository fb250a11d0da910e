import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Runs one of scripts/ as `npm run <script>` does (tsx), with the given environment; resolves with its exit code and output.
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
