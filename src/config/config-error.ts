import { GitopsError } from '../util/errors.js';

/** One problem in the configuration file, with its position (1-based) when known. */
export interface ConfigProblem {
  message: string;
  line: number | undefined;
  column: number | undefined;
}

/** The configuration file is missing, unreadable or invalid. Lists every problem as `file:line:column: message`. */
export class ConfigError extends GitopsError {
  readonly file: string | undefined;
  readonly problems: readonly ConfigProblem[];

  constructor(file: string | undefined, problems: readonly ConfigProblem[]) {
    const where = (p: ConfigProblem): string =>
      [file ?? '(configuration)', p.line, p.column].filter((part) => part !== undefined).join(':');
    super('CONFIG', problems.map((p) => `${where(p)}: ${p.message}`).join('\n'), { file, problems: [...problems] });
    this.file = file;
    this.problems = problems;
  }
}
