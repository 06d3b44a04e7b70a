/**
 * Shared paths and small helpers for the node tests (schema and CLI).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AnalysisError, ValidationIssue, ValidationResult } from '../../src/schema/validate.js';

/** Absolute path of a file in the package, from its path relative to the package root. */
export const fromRoot = (relative: string): string => fileURLToPath(new URL(`../../${relative}`, import.meta.url));

export const SAMPLE = fromRoot('data/mexico-us-deployment.json');
export const MINIMAL = fromRoot('test/fixtures/valid/minimal.json');
export const INVALID_DIR = fromRoot('test/fixtures/invalid');
export const MANIFEST = 'expected.json';

export const readText = (path: string): string => readFileSync(path, 'utf8');

/** A fresh, mutable copy of the minimal valid document, for generated cases. */
export const minimalDoc = (): any => JSON.parse(readText(MINIMAL));

/** The error of a failed result; fails the test if the result was valid. */
export function errorOf(result: ValidationResult): AnalysisError {
  if (result.ok) assert.fail('expected the analysis to be invalid, but it validated');
  return result.error;
}

/** The issues of a failed result; fails the test if the result was valid. */
export const issuesOf = (result: ValidationResult): ValidationIssue[] => errorOf(result).issues ?? [];

/** Renders issues one per line so a failed assertion shows what the validator said. */
export const describeIssues = (issues: readonly ValidationIssue[]): string =>
  issues.map(({ path, message }) => `  ${path || '(document)'}: ${message}`).join('\n') || '  (no issues)';

/** Captures what the CLI prints, line by line, instead of writing to the terminal. */
export function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { out: (line: string) => void out.push(line), err: (line: string) => void err.push(line) },
    /** Everything printed, in one string, for "never prints X" checks. */
    all: () => [...out, ...err].join('\n'),
  };
}
