import type { BuildRequest, IssueResult } from '../../pipeline.js';

/** The build command's options for a run of issues. */
export interface BatchOptions extends BuildRequest {
  /** Issues laid out at once, each in its own browser page. */
  jobs: number;
}

/** An issue's result, with how long it took. */
export interface IssueOutcome extends IssueResult {
  /** From the issue's start to its end; issues overlap, so these add up to more than the run. */
  seconds: number;
}
