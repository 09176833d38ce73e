import type { Config } from '../config.ts';

/** One `cqs` verb: its usage line, what it does, its flags, and the work. */
export type Verb = {
  usage: string;
  summary: string;
  options?: Record<string, { type: 'boolean' | 'string'; short?: string; multiple?: boolean }>;
  /** How many positional arguments it takes (exactly), or a range. */
  args?: number | [number, number];
  run(config: Config, args: string[], flags: Record<string, unknown>): Promise<number | undefined>;
};
