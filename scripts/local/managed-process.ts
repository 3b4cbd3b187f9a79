import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** How to start one child process and how to stop it politely. */
export interface ProcessSpec {
  /** Short label for messages ("bot", "playground"). */
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Signal for a polite stop (the bot wants SIGINT so its Azurite saves to disk). */
  readonly stopSignal: NodeJS.Signals;
  /** How long a polite stop may take before SIGKILL. */
  readonly stopGraceMs: number;
  /** Called with every line the process writes (stdout and stderr). */
  readonly onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** A log file the process writes instead of stdout: its tail is included in `recentLines()`. */
  readonly logFile?: string;
}

export interface ExitInfo {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

const KEEP_LINES = 60;

/** Last `count` lines of a text file, skipping debug noise; empty when the file does not exist. */
export function tailFile(path: string, count: number): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('debug '))
    .slice(-count)
    .map((line) => (line.length > 400 ? `${line.slice(0, 400)}…` : line));
}

/**
 * A child process in its own process group (so a terminal's Ctrl+C reaches only the parent, which then stops each
 * child exactly once, in order), with its recent output kept for error messages.
 */
export class ManagedProcess {
  readonly exited: Promise<ExitInfo>;
  private readonly child: ChildProcess;
  private readonly lines: string[] = [];
  private exitInfo: ExitInfo | undefined;
  private stopRequested = false;

  constructor(readonly spec: ProcessSpec) {
    this.child = spawn(spec.command, [...spec.args], {
      cwd: spec.cwd,
      env: spec.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exitInfo = { code, signal };
        resolve(this.exitInfo);
      });
      this.child.once('error', (error) => {
        this.remember(`failed to start: ${error.message}`, 'stderr');
        this.exitInfo = { code: -1, signal: null };
        resolve(this.exitInfo);
      });
    });
    this.collect(this.child.stdout, 'stdout');
    this.collect(this.child.stderr, 'stderr');
  }

  get name(): string {
    return this.spec.name;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Whether the process has exited (on its own or because it was stopped). */
  get hasExited(): boolean {
    return this.exitInfo !== undefined;
  }

  /** Whether `stop()` or `kill()` was called: an exit after that is expected. */
  get stopping(): boolean {
    return this.stopRequested;
  }

  /** "exited with code 1" / "was killed by SIGKILL" / "is running". */
  describeExit(): string {
    if (!this.exitInfo) return 'is running';
    return this.exitInfo.signal
      ? `was killed by ${this.exitInfo.signal}`
      : `exited with code ${this.exitInfo.code ?? 'unknown'}`;
  }

  /** The last lines the process wrote, then the tail of its log file if it has one. */
  recentLines(count = 20): string[] {
    const own = this.lines.slice(-count);
    const fromFile = this.spec.logFile ? tailFile(this.spec.logFile, count) : [];
    return [...own, ...fromFile];
  }

  /** Like `recentLines`, but without the output already shown live through `onLine` (so messages do not repeat it). */
  unseenLines(count = 20): string[] {
    if (!this.spec.onLine) return this.recentLines(count);
    return this.spec.logFile ? tailFile(this.spec.logFile, count) : [];
  }

  /**
   * Sends the polite stop signal, waits up to the grace period, then SIGKILL. Then does the same for anything the
   * process left behind in its process group (the bot's Azurite, if the bot itself died). Resolves when all is gone.
   */
  async stop(): Promise<void> {
    this.stopRequested = true;
    if (!this.hasExited) {
      this.signal(this.spec.stopSignal);
      const timer = setTimeout(() => this.signal('SIGKILL'), this.spec.stopGraceMs);
      await this.exited;
      clearTimeout(timer);
    }
    await this.reapGroup();
  }

  /** SIGKILL now, the process and its group (a second Ctrl+C). */
  kill(): void {
    this.stopRequested = true;
    if (!this.hasExited) this.signal('SIGKILL');
    this.signalGroup('SIGKILL');
  }

  /** Whether any process is left in this process's group (the group id is its pid, as it was spawned detached). */
  private groupAlive(): boolean {
    return this.signalGroup(0);
  }

  private signalGroup(signal: NodeJS.Signals | 0): boolean {
    if (this.child.pid === undefined) return false;
    try {
      process.kill(-this.child.pid, signal);
      return true;
    } catch {
      return false; // ESRCH: the group is empty
    }
  }

  private async reapGroup(): Promise<void> {
    if (!this.groupAlive()) return;
    this.signalGroup(this.spec.stopSignal);
    const deadline = Date.now() + this.spec.stopGraceMs;
    while (this.groupAlive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    this.signalGroup('SIGKILL');
  }

  private signal(signal: NodeJS.Signals): void {
    try {
      this.child.kill(signal);
    } catch {
      // already gone
    }
  }

  private remember(line: string, stream: 'stdout' | 'stderr'): void {
    this.lines.push(line);
    if (this.lines.length > KEEP_LINES) this.lines.shift();
    this.spec.onLine?.(line, stream);
  }

  private collect(source: NodeJS.ReadableStream | null, stream: 'stdout' | 'stderr'): void {
    if (!source) return;
    let partial = '';
    source.setEncoding('utf8');
    source.on('data', (chunk: string) => {
      const parts = (partial + chunk).split(/\r?\n/);
      partial = parts.pop() ?? '';
      for (const line of parts) this.remember(line, stream);
    });
    source.on('end', () => {
      if (partial !== '') this.remember(partial, stream);
      partial = '';
    });
  }
}

/** The processes of one local stack: stopped in the order they were started, each exactly once. */
export class ProcessGroup {
  private readonly members: ManagedProcess[] = [];

  spawn(spec: ProcessSpec): ManagedProcess {
    const member = new ManagedProcess(spec);
    this.members.push(member);
    return member;
  }

  get processes(): readonly ManagedProcess[] {
    return this.members;
  }

  /** Resolves with the first member that exits without having been asked to stop. */
  unexpectedExit(): Promise<ManagedProcess> {
    return new Promise((resolve) => {
      for (const member of this.members) {
        void member.exited.then(() => {
          if (!member.stopping) resolve(member);
        });
      }
    });
  }

  /** Stops every member politely, one after another in start order (the bot before the playground). */
  async stopAll(): Promise<void> {
    for (const member of this.members) await member.stop();
  }

  /** SIGKILL every member that is still running. */
  killAll(): void {
    for (const member of this.members) member.kill();
  }
}
