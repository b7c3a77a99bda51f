import { execFileSync, spawnSync } from 'node:child_process';
import { BIN } from './temp-project.js';

/** tmux runs the bin in a real pseudo-terminal: raw-mode questions, Ctrl-C as a key, as a user sees them. */
export const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;

/** A tmux server of this test process only, so tests never touch anyone else's sessions. */
const SOCKET = `cca-test-${process.pid}`;
const EXIT_MARK = '__exit=';
let sessions = 0;

const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const quote = (part: string) => `'${part.replace(/'/g, `'\\''`)}'`;

export class TerminalRun {
  private constructor(private readonly name: string) {}

  /** Starts `generator-configcat-amplitude args` in `cwd`, in a 120×50 terminal. */
  static start(cwd: string, args: readonly string[]): TerminalRun {
    const name = `run${++sessions}`;
    const command = `NO_UPDATE_NOTIFIER=1 node ${[BIN, ...args].map(quote).join(' ')}; echo ${EXIT_MARK}$?; sleep 600`;
    tmux('new-session', '-d', '-s', name, '-x', '120', '-y', '50', '-c', cwd, command);
    return new TerminalRun(name);
  }

  /** Everything the terminal shows, scrollback included, with wrapped lines joined. */
  screen(): string {
    return tmux('capture-pane', '-p', '-J', '-S', '-', '-t', this.name);
  }

  async waitFor(expected: string | RegExp, timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (typeof expected === 'string' ? screen.includes(expected) : expected.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${String(expected)}; the terminal shows:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** tmux key names: `Enter`, `C-c`, `BSpace`, or literal text. */
  keys(...keys: string[]): void {
    tmux('send-keys', '-t', this.name, ...keys);
  }

  /** Types text literally (no key-name lookup). */
  type(text: string): void {
    tmux('send-keys', '-l', '-t', this.name, text);
  }

  /** Waits for the bin to end; its exit code, and what the terminal showed. */
  async exit(timeoutMs = 60_000): Promise<{ code: number; screen: string }> {
    const screen = await this.waitFor(new RegExp(`^${EXIT_MARK}\\d+$`, 'm'), timeoutMs);
    const code = Number(new RegExp(`^${EXIT_MARK}(\\d+)$`, 'm').exec(screen)![1]);
    return { code, screen: screen.slice(0, screen.lastIndexOf(EXIT_MARK)).trimEnd() };
  }

  close(): void {
    spawnSync('tmux', ['-L', SOCKET, 'kill-session', '-t', this.name]);
  }
}

/** Ends this test process's tmux server (only its own socket). */
export function closeTerminals(): void {
  spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
}
