/**
 * The "Newsroom widget" block in the block editor: pick the view, give the analysis's address
 * (or pick an analysis JSON from the media library), choose the actor from the analysis's own
 * list, and see the real element, with its own error state when the address or the analysis is
 * wrong. The markup readers get is made by the plugin's PHP (a dynamic block: `save` is null).
 * Bundled by scripts/build-wordpress.ts into build/editor.js; uses WordPress's `wp.*` globals.
 */
import metadata from '../block.json';
import { ELEMENTS, isLanguageTag, isSlug, isUsableSrc } from './rules.js';
import type { BlockEditProps, WpNode } from './wp.js';

interface WidgetAttributes {
  element: string;
  src: string;
  actor: string;
  stance: string;
  theme: string;
  lang: string;
  jsonLd: boolean;
}

/** What the editor reads from the analysis to fill its lists (loosely: the element validates). */
interface AnalysisLists {
  actors: { id: string; name: string }[];
  stances: { id: string; actor: string; headline: string }[];
}

type Status = { state: 'loading' } | { state: 'ready' } | { state: 'error'; message: string };

const { registerBlockType } = window.wp.blocks;
const { createElement: h, Fragment, useEffect, useRef, useState } = window.wp.element;
const { InspectorControls, useBlockProps, MediaUpload, MediaUploadCheck } = window.wp.blockEditor;
const { PanelBody, SelectControl, TextControl, ToggleControl, Notice, Button, Placeholder } = window.wp.components;
const { __ } = window.wp.i18n;
const t = (text: string) => __(text, 'newsroom-widgets');

/** The labels of block.json's elements (rules.ts ELEMENTS), in its order. */
const LABELS: Record<string, string> = {
  'nw-analysis': t('The whole analysis'),
  'nw-summary': t('Summary'),
  'nw-stance-card': t('One actor’s stance'),
  'nw-stances': t('Every stance, side by side'),
  'nw-source-list': t('Sources'),
  'nw-timeline': t('Timeline of statements'),
};
const ELEMENT_OPTIONS = ELEMENTS.map((value) => ({ value, label: LABELS[value] ?? value }));

function readLists(value: unknown): AnalysisLists | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const doc = value as { actors?: unknown; stances?: unknown };
  const list = (items: unknown) => (Array.isArray(items) ? items.filter((i) => i && typeof i === 'object') : []);
  return {
    actors: list(doc.actors).map((a) => ({ id: String(a.id ?? ''), name: String(a.name ?? a.id ?? '') })),
    stances: list(doc.stances).map((s) => ({
      id: String(s.id ?? ''),
      actor: String(s.actor ?? ''),
      headline: String(s.headline ?? ''),
    })),
  };
}

/** The analysis's actor and stance lists, fetched once per address (the browser caches it). */
function useAnalysisLists(src: string): AnalysisLists | undefined {
  const [lists, setLists] = useState<AnalysisLists | undefined>(undefined);
  useEffect(() => {
    setLists(undefined);
    if (!isUsableSrc(src)) return;
    const abort = new AbortController();
    fetch(src, { signal: abort.signal, credentials: 'same-origin' })
      .then((response) => (response.ok ? response.json() : undefined))
      .then((json: unknown) => setLists(readLists(json)))
      .catch(() => undefined); // The element shows what went wrong.
    return () => abort.abort();
  }, [src]);
  return lists;
}

/**
 * The live element's state, from its own events, starting from its `state` attribute: with an
 * address the browser has cached, the element may have fired `nw-error` or `nw-ready` before
 * this effect listens (the event's message is then not known: the element shows it).
 */
function useElementStatus(ref: { current: HTMLElement | null }, key: string): Status {
  const [status, setStatus] = useState<Status>({ state: 'loading' });
  useEffect(() => {
    const el = ref.current;
    if (!el) {
      setStatus({ state: 'loading' });
      return;
    }
    let heard = false;
    const fromAttribute = (): Status => {
      const state = el.getAttribute('state');
      return state === 'ready'
        ? { state: 'ready' }
        : state === 'error'
          ? { state: 'error', message: t('The widget could not be shown.') }
          : { state: 'loading' };
    };
    setStatus(fromAttribute());
    // The attribute may still be the previous address's until the element has updated.
    void (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete?.then(() => {
      if (!heard) setStatus(fromAttribute());
    });
    const ready = () => {
      heard = true;
      setStatus({ state: 'ready' });
    };
    const error = (event: Event) => {
      heard = true;
      const detail = (event as CustomEvent<{ message?: string }>).detail;
      setStatus({ state: 'error', message: detail?.message ?? t('The widget could not be shown.') });
    };
    el.addEventListener('nw-ready', ready);
    el.addEventListener('nw-error', error);
    return () => {
      heard = true; // Nothing more from this element.
      el.removeEventListener('nw-ready', ready);
      el.removeEventListener('nw-error', error);
    };
  }, [key]);
  return status;
}

function SourcePicker(props: { src: string; onChange(src: string): void }): WpNode {
  return h(
    Fragment,
    null,
    h(TextControl, {
      label: t('Analysis JSON address'),
      value: props.src,
      type: 'url',
      placeholder: 'https://example.org/analysis.json',
      help: t(
        'An http(s) address, or a file from the media library. An address on another site is fetched by each reader’s browser, so that site must allow it with CORS (Access-Control-Allow-Origin).',
      ),
      onChange: (value: string) => props.onChange(value.trim()),
    }),
    h(
      MediaUploadCheck,
      null,
      h(
        'div',
        { style: { marginBottom: '16px' } },
        h(MediaUpload, {
          allowedTypes: ['application/json'],
          title: t('Choose an analysis JSON'),
          onSelect: (media) => props.onChange(media.url),
          render: ({ open }) => h(Button, { variant: 'secondary', onClick: open }, t('Choose from the media library')),
        }),
      ),
    ),
  );
}

function Edit({ attributes, setAttributes }: BlockEditProps<WidgetAttributes>): WpNode {
  const { element, src, actor, stance, theme, lang, jsonLd } = attributes;
  const blockProps = useBlockProps({ className: 'newsroom-widgets' });
  const lists = useAnalysisLists(src);
  const ref = useRef<HTMLElement>(null);
  const usable = isUsableSrc(src);
  const key = [element, src, actor, stance, theme, lang].join('\n');
  const status = useElementStatus(ref, key);
  const isCard = element === 'nw-stance-card';

  const withStances = new Set(lists?.stances.map((s) => s.actor));
  const actorOptions = [
    { value: '', label: lists ? t('— Choose an actor —') : t('— Give the analysis first —') },
    ...(lists?.actors.filter((a) => withStances.has(a.id)).map((a) => ({ value: a.id, label: a.name })) ?? []),
  ];
  if (actor && !actorOptions.some((o) => o.value === actor)) actorOptions.push({ value: actor, label: actor });
  const actorStances = lists?.stances.filter((s) => s.actor === actor) ?? [];

  const inspector = h(
    InspectorControls,
    null,
    h(
      PanelBody,
      { title: t('Widget'), initialOpen: true },
      h(SelectControl, {
        label: t('Show'),
        value: element,
        options: ELEMENT_OPTIONS,
        onChange: (value: string) => setAttributes({ element: value }),
      }),
      h(SourcePicker, { src, onChange: (value: string) => setAttributes({ src: value }) }),
      isCard &&
        h(SelectControl, {
          label: t('Actor'),
          value: actor,
          options: actorOptions,
          help: t('The actors that have a stance in this analysis.'),
          onChange: (value: string) => setAttributes({ actor: value, stance: '' }),
        }),
      isCard &&
        actorStances.length > 1 &&
        h(SelectControl, {
          label: t('Stance'),
          value: stance,
          options: [
            { value: '', label: t('— The first one —') },
            ...actorStances.map((s) => ({ value: s.id, label: s.headline || s.id })),
          ],
          onChange: (value: string) => setAttributes({ stance: value }),
        }),
    ),
    h(
      PanelBody,
      { title: t('Look and language'), initialOpen: false },
      h(SelectControl, {
        label: t('Theme'),
        value: theme,
        options: [
          { value: '', label: t('Light (default)') },
          { value: 'light', label: t('Light') },
          { value: 'dark', label: t('Dark') },
          { value: 'auto', label: t('Follow the reader’s setting') },
        ],
        onChange: (value: string) => setAttributes({ theme: value }),
      }),
      h(TextControl, {
        label: t('Language'),
        value: lang,
        placeholder: 'en, es',
        help: t('Leave empty to use the page’s language, else the analysis’s.'),
        onChange: (value: string) => setAttributes({ lang: value.trim() }),
      }),
      h(ToggleControl, {
        label: t('Describe the analysis for search engines (JSON-LD)'),
        checked: jsonLd,
        onChange: (value: boolean) => setAttributes({ jsonLd: value }),
      }),
    ),
  );

  if (!src) {
    return h(
      'div',
      blockProps,
      inspector,
      h(
        Placeholder,
        {
          icon: 'groups',
          label: t('Newsroom widget'),
          instructions: t('Give the address of an analysis JSON, or choose one from the media library.'),
        },
        h(SourcePicker, { src, onChange: (value: string) => setAttributes({ src: value }) }),
      ),
    );
  }

  // What includes/attributes.php would refuse (rules.ts): readers would get nothing.
  const problems: string[] = [];
  if (!usable)
    problems.push(
      t(
        'The address must start with http:// or https:// (or be a path on this site), without spaces, quotes, <, > or backslashes.',
      ),
    );
  if (isCard && !actor && !stance) problems.push(t('Choose the actor in the block’s settings.'));
  if (isCard && ((actor && !isSlug(actor)) || (stance && !isSlug(stance))))
    problems.push(t('The actor or stance is not an id from the analysis (lowercase letters, digits and hyphens).'));
  if (lang && !isLanguageTag(lang)) problems.push(t('The language must be a language tag like “en” or “es-MX”.'));

  const live = h(element, {
    ref,
    key: element,
    class: 'newsroom-widgets-preview',
    src,
    actor: isCard && actor ? actor : undefined,
    stance: isCard && stance ? stance : undefined,
    theme: theme || undefined,
    lang: lang || undefined,
  });

  return h(
    'div',
    blockProps,
    inspector,
    problems.length > 0
      ? h(Notice, { status: 'warning', isDismissible: false }, problems.join(' '))
      : status.state === 'error'
        ? h(Notice, { status: 'error', isDismissible: false }, t('Readers will see an error here. ') + status.message)
        : null,
    problems.length > 0 ? null : live,
  );
}

registerBlockType<WidgetAttributes>(metadata as { name: string } & Record<string, unknown>, {
  edit: Edit,
  save: () => null,
});
