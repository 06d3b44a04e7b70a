/**
 * The few `wp.*` globals of WordPress 6.1's block editor this plugin uses, typed by hand from
 * wp-includes/js/dist (no @wordpress/* packages: the editor page already has them all).
 * React is 17 there: `createElement` and the hooks are React's.
 */

export type WpNode = WpElement | string | number | boolean | null | undefined | WpNode[];
export interface WpElement {
  readonly type: unknown;
  readonly props: unknown;
}
export type WpComponent<P> = (props: P) => WpNode;
export interface RefObject<T> {
  current: T | null;
}

interface WpElementApi {
  createElement<P extends object>(type: WpComponent<P>, props: P | null, ...children: WpNode[]): WpElement;
  createElement(type: string, props?: Record<string, unknown> | null, ...children: WpNode[]): WpElement;
  Fragment: WpComponent<{ children?: WpNode }>;
  useState<T>(initial: T | (() => T)): [T, (next: T | ((previous: T) => T)) => void];
  useEffect(effect: () => void | (() => void), deps?: readonly unknown[]): void;
  useRef<T>(initial: T | null): RefObject<T>;
  useMemo<T>(factory: () => T, deps: readonly unknown[]): T;
}

export interface BlockEditProps<A> {
  attributes: A;
  setAttributes(next: Partial<A>): void;
  isSelected: boolean;
  clientId: string;
}

interface WpBlocksApi {
  registerBlockType<A>(
    metadata: { name: string } & Record<string, unknown>,
    settings: { edit: WpComponent<BlockEditProps<A>>; save: () => null } & Record<string, unknown>,
  ): unknown;
  createBlock(name: string, attributes?: Record<string, unknown>): { clientId: string };
}

export interface MediaItem {
  id: number;
  url: string;
  mime?: string;
  filename?: string;
  title?: string;
}

interface WpBlockEditorApi {
  useBlockProps(props?: Record<string, unknown>): Record<string, unknown>;
  InspectorControls: WpComponent<{ children?: WpNode }>;
  MediaUpload: WpComponent<{
    onSelect(media: MediaItem): void;
    allowedTypes?: string[];
    value?: number;
    title?: string;
    render(props: { open(): void }): WpNode;
  }>;
  MediaUploadCheck: WpComponent<{ children?: WpNode; fallback?: WpNode }>;
}

interface Option {
  label: string;
  value: string;
  disabled?: boolean;
}

interface WpComponentsApi {
  PanelBody: WpComponent<{ title?: string; initialOpen?: boolean; children?: WpNode }>;
  SelectControl: WpComponent<{
    label: string;
    value: string;
    options: Option[];
    help?: WpNode;
    onChange(value: string): void;
  }>;
  TextControl: WpComponent<{
    label: string;
    value: string;
    help?: WpNode;
    type?: string;
    placeholder?: string;
    onChange(value: string): void;
  }>;
  ToggleControl: WpComponent<{ label: string; checked: boolean; help?: WpNode; onChange(value: boolean): void }>;
  Notice: WpComponent<{
    status?: 'error' | 'warning' | 'info' | 'success';
    isDismissible?: boolean;
    children?: WpNode;
  }>;
  Button: WpComponent<{ variant?: 'primary' | 'secondary' | 'tertiary' | 'link'; onClick(): void; children?: WpNode }>;
  Placeholder: WpComponent<{ icon?: string; label?: string; instructions?: string; children?: WpNode }>;
}

interface WpI18nApi {
  __(text: string, domain?: string): string;
  sprintf(format: string, ...args: unknown[]): string;
}

export interface Wp {
  element: WpElementApi;
  blocks: WpBlocksApi;
  blockEditor: WpBlockEditorApi;
  components: WpComponentsApi;
  i18n: WpI18nApi;
}

declare global {
  interface Window {
    wp: Wp;
  }
}
