/**
 * The embed builder's steps 2 and 4 as data: what the editor chose (`BuilderForm`), the kinds
 * of embed code (`OUTPUTS`: one entry each, with its label, help, fields and code), and what
 * the page should say and make for a choice (`fieldsFor`, `planCode`). No DOM, except that the
 * static kind serialises the preview it is given.
 *
 * A new kind of code is one more SnippetKind and one more entry in OUTPUTS; a field only some
 * kinds use is one more KindField, listed in those kinds' `fields`.
 */
import type { Theme } from '../src/internal/standalone-elements.js';
import { isHttpUrl } from '../src/schema/analysis.js';
import type { Reading } from './builder-read.js';
import {
  ELEMENTS,
  iframeSnippet,
  measuredHeights,
  linkSnippet,
  previewScriptSnippet,
  staticSnippet,
  type ElementName,
  type Lang,
  type SnippetChoice,
  type SnippetKind,
} from './builder-snippets.js';

/** The form of steps 2 and 4 as the editor left it (text trimmed, nothing checked yet). */
export interface BuilderForm {
  element: ElementName;
  /** '' when there is no actor to choose. */
  actor: string;
  lang: Lang;
  theme: Theme;
  kind: SnippetKind;
  /** The JSON address as typed: used only once it is an http(s) address. */
  jsonUrl: string;
  /** Where the library's files are served (the package's dist/ folder), as typed. */
  base: string;
  /** Where the `newsroom-widgets publish` folder is uploaded (its --base-url), as typed. */
  siteBase: string;
  interactive: boolean;
  jsonLd: boolean;
}

/** Fields of step 4 that only some kinds of code use; the others hide them. */
export type KindField = 'siteBase' | 'download' | 'base' | 'jsonUrl' | 'interactive' | 'jsonLd';

export interface OutputKind {
  /** The radio button's label. */
  label: string;
  /** Who can paste it in WordPress without the plugin (kses strips it for the others). */
  wordpress: string;
  /** Which CMSes it is for and how it works, under the radio buttons. */
  help: string;
  /** The kind-dependent fields it uses; the others are hidden while it is chosen. */
  fields: readonly KindField[];
  /** The JSON address field's label and help for this kind. */
  url: { label: string; help: string };
  /** The code loads the CDN script, so it has an integrity hash when one is known. */
  cdnScript: boolean;
  /** What the code still needs, as a note; undefined when it can be made. */
  missing?(choice: SnippetChoice): string | undefined;
  /** The code is serialised from the preview: wait for it to finish rendering first. */
  fromPreview?: boolean;
  code(choice: SnippetChoice, form: BuilderForm, preview: HTMLElement): { code: string; notes?: string[] };
}

const URL_OPTIONAL = {
  label: 'Address of the JSON file (optional)',
  help: 'Leave it empty to put the whole analysis inside the code. Give the address of the uploaded file instead to keep the code short and update the analysis without re-pasting.',
};

/** A full http(s) address, or a path on the reader's site (`/widgets/`; not `//host`). */
export const isBaseAddress = (value: string): boolean => isHttpUrl(value) || /^\/(?!\/)\S*$/.test(value);

/** Hosts that mirror npm: they send .html files as plain text, so an iframe cannot use them. */
const NPM_MIRROR = /^https?:\/\/(cdn\.jsdelivr\.net|unpkg\.com|esm\.sh)\//i;

const BAD_BASE =
  'The address of the library’s files must be a full address starting with https:// (or http://), or a path on your site starting with /.';

const baseMissing = (choice: SnippetChoice): string | undefined =>
  choice.base === undefined || isBaseAddress(choice.base) ? undefined : BAD_BASE;

/** Every kind of code, in the order of the radio buttons; the first is checked at the start. */
export const OUTPUTS: Record<SnippetKind, OutputKind> = {
  link: {
    label: 'Link (oEmbed)',
    wordpress:
      'WordPress: every role can paste it, Administrators and Editors as well as Authors and Contributors: WordPress makes the embed itself from the link, so it needs neither unfiltered_html nor the newsroom-widgets plugin.',
    help: 'For CMSes that strip scripts but turn a link into an embed: WordPress (any role), Ghost, Drupal, Medium. Paste the link alone on its own line. It points to a page in the folder that npx newsroom-widgets publish analysis.json --out site --base-url BASE writes, or that “Download site.zip” below makes here: upload site/ to BASE first. WordPress caches a failed lookup as a plain link, so upload before you paste.',
    // `base`: where site.zip's embed.js comes from (hidden when the builder has its own build).
    fields: ['siteBase', 'download', 'base'],
    url: URL_OPTIONAL,
    cdnScript: false,
    missing: (choice) =>
      !choice.siteBase || !isHttpUrl(choice.siteBase)
        ? 'Give the address of the published folder (https://…): the --base-url you publish with, where you upload site/.'
        : choice.element === 'nw-timeline' && choice.analysis.statements.length === 0
          ? 'This analysis has no dated statements, so publish writes no timeline page: choose another element.'
          : undefined,
    code: ({ siteBase, ...choice }, form) => {
      // `missing` above blocks the code until there is an address.
      if (!siteBase) throw new Error('the link was asked for without the published folder’s address');
      const language = choice.analysis.language.split('-')[0];
      return {
        code: linkSnippet({ ...choice, siteBase }),
        notes:
          form.lang !== language || form.theme !== 'light'
            ? [
                `The published page shows the analysis in its own language (${choice.analysis.language}) and the light theme: the language and theme chosen here apply to the other kinds of code.`,
              ]
            : [],
      };
    },
  },
  script: {
    label: 'Script tag',
    wordpress:
      'WordPress: only Administrators and Editors can paste this (it needs the unfiltered_html capability). For Authors and Contributors WordPress removes it when the post is saved, even though the Custom HTML preview showed it working: use the newsroom-widgets plugin’s “Newsroom widget” block or [newsroom_widget] shortcode instead.',
    help: 'For CMSes that let you paste HTML with a <script> (WordPress “Custom HTML”, Drupal “Full HTML”, Ghost HTML cards, Arc/Brightspot raw HTML). The analysis goes inside the code unless you give its address.',
    fields: ['base', 'jsonUrl', 'jsonLd'],
    url: URL_OPTIONAL,
    cdnScript: true,
    missing: baseMissing,
    // The element comes rendered from the preview, so it has its height before the script runs.
    fromPreview: true,
    code: (choice, _form, preview) => ({ code: previewScriptSnippet(choice, preview) }),
  },
  iframe: {
    label: 'iframe',
    wordpress:
      'WordPress: only Administrators and Editors can paste an iframe; WordPress removes it for Authors and Contributors. Authors: use the newsroom-widgets plugin’s “Newsroom widget” block.',
    help: 'For CMSes that only take iframes. The iframe page loads the analysis from its address, so you need to put the JSON file online first (your CMS’s file upload, a bucket, a GitHub Pages site) and give that address below. The small resizer script makes the iframe as tall as its content.',
    fields: ['base', 'jsonUrl'],
    url: {
      label: 'Address of the JSON file (needed for an iframe)',
      help: 'An iframe is a separate page: it cannot read the analysis from your article, so it loads it from this address. Upload the JSON file, then paste its address here. If the file is on another site than embed.html, that site must allow it (CORS).',
    },
    cdnScript: false,
    missing: (choice) =>
      !choice.jsonUrl
        ? 'An iframe needs the address of the JSON file: upload the analysis and paste its address above.'
        : !choice.base || !isHttpUrl(choice.base)
          ? 'An iframe needs the full address (https://…) of the folder that serves embed.html: a path on your site breaks wherever the code is shown away from it (AMP, apps, feeds).'
          : NPM_MIRROR.test(choice.base)
            ? 'jsDelivr sends embed.html as plain text, not as a page: put the package’s dist/ folder on your site and give the address of the folder that serves embed.html.'
            : undefined,
    // The frame's height is measured on the rendered preview.
    fromPreview: true,
    code: ({ jsonUrl, ...choice }, _form, preview) => {
      // `missing` above blocks the code until there is an address.
      if (!jsonUrl) throw new Error('the iframe code was asked for without a JSON address');
      return { code: iframeSnippet({ ...choice, jsonUrl }, measuredHeights(preview)) };
    },
  },
  static: {
    label: 'Static HTML',
    wordpress:
      'WordPress: only Administrators and Editors get this as shown. For Authors and Contributors WordPress keeps only its text (no styles, badges or layout): use the newsroom-widgets plugin’s “Newsroom widget” block instead.',
    help: 'The widget already rendered as HTML (declarative shadow DOM), readable even where scripts are stripped or blocked, and in search engines. With “make it interactive” the script upgrades it when it loads. The command-line equivalent is npx newsroom-widgets render.',
    fields: ['base', 'jsonUrl', 'interactive', 'jsonLd'],
    url: URL_OPTIONAL,
    cdnScript: true,
    missing: baseMissing,
    fromPreview: true,
    code: (choice, form, preview) => ({
      code: staticSnippet(choice, preview, form.interactive),
      notes: preview.getAttribute('state') === 'error' ? ['The preview shows an error, and so would this HTML.'] : [],
    }),
  },
};

export const DEFAULT_KIND = Object.keys(OUTPUTS)[0] as SnippetKind;

/** What steps 2 and 4 show for the form: which fields, and the help that depends on it. */
export interface FieldsView {
  elementHelp: string;
  actor: boolean;
  kindHelp: string;
  shown: readonly KindField[];
  urlLabel: string;
  urlHelp: string;
  baseHelp: string;
  siteBaseHelp: string;
  /** Who can paste this code in WordPress, and what the others should use. */
  wordpressHelp: string;
  /** The code loads the library's script: "About the integrity hash" applies. */
  integrity: boolean;
}

const JSON_LD_IN_WORDPRESS =
  ' JSON-LD needs unfiltered_html too: for Authors and Contributors WordPress removes its script tag and leaves its JSON as text on the page, so leave it off there.';

const BASE_HELP =
  'Where your site serves embed.html, embed/ and cdn/: the package’s dist/ folder, on jsDelivr (the default) or uploaded as it is to your own host (https://… or a path starting with /).';
const IFRAME_BASE_HELP = ' An iframe needs your own host, as a full address.';
const LINK_BASE_HELP =
  'Where site.zip’s embed.js comes from: the package’s dist/ folder of the version this builder writes for, on jsDelivr (the default, once that version is published) or on your own host (https://… or a path starting with /). The link itself does not use it.';
const OWN_HOST_HELP =
  ' Upload dist/ of the version this builder writes for (the integrity hash is its file’s); from another site than your pages it must send Access-Control-Allow-Origin.';

const ON_THIS_COMPUTER = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])[:/]/;

export function fieldsFor(form: BuilderForm): FieldsView {
  const output = OUTPUTS[form.kind];
  return {
    elementHelp: ELEMENTS[form.element],
    actor: form.element === 'nw-stance-card',
    kindHelp: output.help,
    shown: output.fields,
    urlLabel: output.url.label,
    urlHelp: output.url.help,
    baseHelp:
      form.kind === 'link'
        ? LINK_BASE_HELP
        : ON_THIS_COMPUTER.test(`${form.base}/`)
          ? 'This is an address on your own computer: readers cannot reach it. Put the package’s dist/ folder on your site and give that folder’s address.'
          : BASE_HELP +
            (form.kind === 'iframe' ? IFRAME_BASE_HELP : '') +
            (output.cdnScript && !(isHttpUrl(form.base) && NPM_MIRROR.test(form.base)) ? OWN_HOST_HELP : ''),
    siteBaseHelp: ON_THIS_COMPUTER.test(`${form.siteBase}/`)
      ? 'This is an address on your own computer: readers cannot reach it, and WordPress refuses to look up embeds on your own computer or private network. Upload site/ to your web server or CDN and give that address.'
      : `The address you upload site/ to, the same as --base-url in: npx newsroom-widgets publish analysis.json --out site --base-url ${form.siteBase && isHttpUrl(form.siteBase) ? form.siteBase : 'https://…/'}`,
    wordpressHelp: output.wordpress + (form.jsonLd && output.fields.includes('jsonLd') ? JSON_LD_IN_WORDPRESS : ''),
    integrity: output.cdnScript,
  };
}

export interface CodeInput {
  /** What step 1's text gave: the code is made only from a valid analysis. */
  reading: Reading;
  form: BuilderForm;
  version: string;
  integrity: string | undefined;
}

export interface CodePlan {
  /** What the preview and the code are made from; undefined without a valid analysis. */
  choice: SnippetChoice | undefined;
  /** Notes to show above the code. */
  notes: string[];
  /** The code cannot be made yet: a note says what is missing. */
  blocked: boolean;
}

/** What the code is made from and what to tell the editor about it, before making it. */
export function planCode({ reading, form, version, integrity }: CodeInput): CodePlan {
  if (reading.state !== 'valid') {
    const note =
      reading.state === 'empty'
        ? 'The code appears here once you give an analysis in step 1.'
        : 'Fix the problems in step 1 to get the code.';
    return { choice: undefined, notes: [note], blocked: true };
  }
  const { analysis } = reading;
  const jsonUrl = form.jsonUrl && isHttpUrl(form.jsonUrl) ? form.jsonUrl : undefined;
  const choice: SnippetChoice = {
    analysis,
    element: form.element,
    actor: form.actor || undefined,
    lang: form.lang,
    theme: form.theme,
    jsonUrl,
    base: form.base,
    siteBase: form.siteBase,
    version,
    integrity,
    jsonLd: form.jsonLd,
  };
  const output = OUTPUTS[form.kind];
  const notes: string[] = [];
  if (form.jsonUrl && !jsonUrl && output.fields.includes('jsonUrl'))
    notes.push(
      'The JSON address must be a full web address starting with https:// (or http://); it is ignored until then.',
    );
  if (output.cdnScript && !integrity)
    notes.push(`No integrity hash yet, so the code has none: see “About the integrity hash” below.`);
  const missing = output.missing?.(choice);
  if (missing) notes.push(missing);
  return { choice, notes, blocked: missing !== undefined };
}
