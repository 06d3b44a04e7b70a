/** A render that throws becomes an error value with code `render`, remembered for what threw. */
import { expect } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import type { AnalysisError } from '../schema/validate.js';
import { crashCapture, thrownError } from './crash-capture.js';

const fine = html`<p>fine</p>`;
const shown = (error: AnalysisError) => html`<p>${error.code}</p>`;
const boom = (): TemplateResult => {
  throw new Error('boom');
};

describe('crash capture', () => {
  it('renders what renders, and remembers no error', () => {
    const crashes = crashCapture<object>(shown);
    const value = {};
    expect(crashes.render(value, () => fine)).to.equal(fine);
    expect(crashes.on(value)).to.equal(undefined);
  });

  it('a render that throws gives the fallback a `render` error, remembered for that value only', () => {
    let given: AnalysisError | undefined;
    const crashes = crashCapture<object>((error) => ((given = error), fine));
    const [value, other] = [{}, {}];
    expect(crashes.render(value, boom)).to.equal(fine);
    expect(given).to.deep.equal({ code: 'render', message: 'The analysis could not be shown: boom' });
    expect(crashes.on(value)).to.equal(given);
    expect(crashes.on(other)).to.equal(undefined);
  });

  it('forgets the crash once something renders', () => {
    const crashes = crashCapture<object>(shown);
    const value = {};
    crashes.render(value, boom);
    crashes.render(value, () => fine);
    expect(crashes.on(value)).to.equal(undefined);
  });

  it('anything thrown, not only an Error, becomes a message', () => {
    expect(thrownError('a string', 'render').message).to.equal('The analysis could not be shown: a string');
    expect(thrownError(undefined, 'schema')).to.deep.equal({
      code: 'schema',
      message: 'The analysis could not be shown: undefined',
    });
  });
});
