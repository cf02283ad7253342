import { type DestinationStream } from 'pino';

/** A log destination that keeps every line in memory, parsed; for tests that assert on logs. */
export class MemoryLogDestination implements DestinationStream {
  readonly lines: Record<string, unknown>[] = [];

  write(line: string): void {
    this.lines.push(JSON.parse(line) as Record<string, unknown>);
  }

  /** The `msg` of every line, or of the lines of one level. */
  messages(level?: string): string[] {
    return this.lines
      .filter((line) => level === undefined || line['level'] === level)
      .map((line) => String(line['msg']));
  }
}
