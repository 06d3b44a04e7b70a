/**
 * The embed builder's page: four steps, rendered once by mountBuilder. builder-view.ts finds
 * its parts by their data- attributes and fills in what changes.
 *
 * `p` prefixes every id, so two builders on one page (the tests mount one after another) do
 * not share labels.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { DEFAULT_KIND, OUTPUTS } from './builder-outputs.js';
import { EMPTY_READING } from './builder-read.js';
import { ELEMENTS, type SnippetKind } from './builder-snippets.js';

export function builderTemplate(p: string, { sample }: { sample: boolean }): TemplateResult {
  return html`
    <h1>Embed builder</h1>
    <p class="lede">Paste or upload an analysis, choose what to show, and copy the code into your CMS.
      Everything happens in this page: nothing is uploaded, and it works offline.</p>

    <section aria-labelledby="${p}-h1" class="step">
      <h2 id="${p}-h1"><span class="step-number" aria-hidden="true">1</span> Your analysis</h2>
      <div class="drop" data-drop>
        <label for="${p}-json">Analysis JSON</label>
        <p class="hint" id="${p}-json-hint">Paste it here, choose a file, or drop one onto this box: JSON, a workbook
          (.xlsx, .ods, or the .csv files of its sheets), or paste the article's own text.</p>
        <textarea id="${p}-json" data-json rows="10" spellcheck="false" autocomplete="off" aria-describedby="${p}-json-hint ${p}-status"></textarea>
        <div class="row">
          <span class="file">
            <label for="${p}-file">Upload a file</label>
            <input type="file" id="${p}-file" data-file multiple
              accept=".json,application/json,.xlsx,.ods,.csv,.txt">
          </span>
          ${sample ? html`<button type="button" data-sample>Use the sample analysis</button>` : nothing}
        </div>
      </div>
      <div class="row" data-sheet-downloads>
        <button type="button" data-download-template>Download the template (.xlsx)</button>
        <button type="button" data-download-workbook>Download as a workbook (.xlsx)</button>
        <button type="button" data-download-json>Download the JSON</button>
      </div>
      <p role="status" id="${p}-status" class="status" data-status>${EMPTY_READING.status}</p>
      <div data-problems hidden>
        <ul class="problems" data-problem-list aria-label="Problems"></ul>
        <button type="button" data-goto hidden>Go to the error in the text</button>
      </div>
    </section>

    <section aria-labelledby="${p}-h2" class="step">
      <h2 id="${p}-h2"><span class="step-number" aria-hidden="true">2</span> What to show</h2>
      <div class="fields">
        <div class="field">
          <label for="${p}-element">Element</label>
          <select id="${p}-element" data-element aria-describedby="${p}-element-help">
            ${Object.keys(ELEMENTS).map((name) => html`<option value=${name}>${name}</option>`)}
          </select>
          <p class="hint" id="${p}-element-help" data-element-help></p>
        </div>
        <div class="field" data-actor-field hidden>
          <label for="${p}-actor">Actor</label>
          <select id="${p}-actor" data-actor></select>
        </div>
        <div class="field">
          <label for="${p}-lang">Language of the labels</label>
          <select id="${p}-lang" data-lang>
            <option value="en">English</option>
            <option value="es">Español</option>
          </select>
        </div>
        <div class="field">
          <label for="${p}-theme">Theme</label>
          <select id="${p}-theme" data-theme-select aria-describedby="${p}-theme-help">
            <option value="light">Light</option>
            <option value="dark">Dark</option>
            <option value="auto">Auto (follows the reader’s setting)</option>
          </select>
          <p class="hint" id="${p}-theme-help">Choose the one that matches your site’s background.</p>
        </div>
      </div>
    </section>

    <section aria-labelledby="${p}-h3" class="step">
      <h2 id="${p}-h3"><span class="step-number" aria-hidden="true">3</span> Preview</h2>
      <div class="preview" data-preview data-preview-theme="light" role="region" tabindex="0" aria-labelledby="${p}-h3">
        <p class="empty" data-preview-empty>${EMPTY_READING.previewNote}</p>
      </div>
    </section>

    <section aria-labelledby="${p}-h4" class="step">
      <h2 id="${p}-h4"><span class="step-number" aria-hidden="true">4</span> Embed code</h2>
      <fieldset class="kinds">
        <legend>What your CMS accepts</legend>${(Object.keys(OUTPUTS) as SnippetKind[]).map(
          (kind) => html`
        <label><input type="radio" name="${p}-kind" value=${kind} ?checked=${kind === DEFAULT_KIND}> ${OUTPUTS[kind].label}</label>`,
        )}
      </fieldset>
      <p class="hint" data-kind-help></p>
      <p class="hint" data-wordpress-help></p>
      <div class="fields">
        <div class="field wide" data-site-base-field hidden>
          <label for="${p}-site-base">Address of the published folder (publish’s --base-url)</label>
          <input type="url" id="${p}-site-base" data-site-base inputmode="url" placeholder="https://news.example/embeds/" aria-describedby="${p}-site-base-help">
          <p class="hint" id="${p}-site-base-help" data-site-base-help></p>
        </div>
        <div class="field wide" data-download-field hidden>
          <p class="hint" id="${p}-download-help">No command line? This page can make the folder for this analysis: the same files as the command, in site.zip. Unzip it and upload site/ to the address above.</p>
          <div class="row">
            <button type="button" data-download aria-describedby="${p}-download-help" disabled>Download site.zip</button>
            <span role="status" data-download-status></span>
          </div>
          <p data-download-again hidden><a data-download-link download="site.zip">Save site.zip again</a></p>
        </div>
        <div class="field wide" data-base-field hidden>
          <label for="${p}-base">Address of the library’s files (newsroom-widgets dist/)</label>
          <input type="url" id="${p}-base" data-base inputmode="url" aria-describedby="${p}-base-help">
          <p class="hint" id="${p}-base-help" data-base-help></p>
        </div>
        <div class="field wide" data-url-field>
          <label for="${p}-url" data-url-label>${OUTPUTS[DEFAULT_KIND].url.label}</label>
          <input type="url" id="${p}-url" data-json-url inputmode="url" placeholder="https://example.com/analyses/mexico-us-deployment.json" aria-describedby="${p}-url-help">
          <p class="hint" id="${p}-url-help" data-url-help></p>
        </div>
        <div class="field wide checks">
          <label data-interactive-field hidden><input type="checkbox" data-interactive checked> Make it interactive when the script loads</label>
          <label data-jsonld-field><input type="checkbox" data-jsonld> Add schema.org data (JSON-LD) for search engines</label>
        </div>
      </div>
      <div class="notes" data-notes></div>
      <label for="${p}-snippet" class="snippet-label">Code to paste</label>
      <textarea id="${p}-snippet" data-snippet readonly rows="10" spellcheck="false" aria-describedby="${p}-snippet-help"></textarea>
      <p class="hint" id="${p}-snippet-help">Select it all (Ctrl+A or ⌘A inside the box) and copy, or use the button.</p>
      <div class="row">
        <button type="button" data-copy disabled>Copy the code</button>
        <span role="status" class="copy-status" data-copy-status></span>
      </div>
      <details class="sri" data-sri>
        <summary>About the integrity hash</summary>
        <p data-sri-text></p>
        <div class="row">
          <button type="button" data-sri-check>Check against the CDN</button>
          <span role="status" data-sri-status></span>
        </div>
      </details>
    </section>`;
}
