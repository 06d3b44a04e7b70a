/**
 * A render that throws is a bug of ours, not a problem in the document: it must not escape
 * the element's lifecycle (the rest of the page carries on), and it becomes the error state
 * with code `render`. It is remembered for what was being rendered, so that `state` and
 * `nw-error` say error too, not ready, until that renders.
 */
import type { TemplateResult } from 'lit';
import type { AnalysisError, ErrorCode } from '../schema/validate.js';

export interface CrashCapture<T> {
  /** The error rendering `value` threw last time; undefined if it rendered. */
  on(value: T): AnalysisError | undefined;
  /** `render()`, or if that throws, the fallback for the error it becomes. */
  render(value: T, render: () => TemplateResult): TemplateResult;
}

/** `fallback` renders in place of what threw (the error state). */
export function crashCapture<T>(fallback: (error: AnalysisError) => TemplateResult): CrashCapture<T> {
  let crashed: T | undefined;
  let crash: AnalysisError | undefined;
  return {
    on: (value) => (value === crashed ? crash : undefined),
    render(value, render) {
      crashed = undefined;
      try {
        return render();
      } catch (cause) {
        crashed = value;
        return fallback((crash = thrownError(cause, 'render')));
      }
    },
  };
}

/** Anything thrown (a bug, an aborted fetch) as an error value; `code` says where it was caught. */
export function thrownError(cause: unknown, code: ErrorCode): AnalysisError {
  const message = cause instanceof Error ? cause.message : String(cause);
  return { code, message: `The analysis could not be shown: ${message}` };
}
