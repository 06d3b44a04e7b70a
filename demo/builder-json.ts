/**
 * The embed builder's JSON diagnosis: where pasted text first breaks the JSON grammar, with a
 * sentence an editor can act on (a forgotten comma, curly quotes, a trailing comma), which
 * `JSON.parse`'s own message does not give.
 */
export interface JsonProblem {
  /** Offset in the text (UTF-16 code units), where the editor's cursor should go. */
  offset: number;
  /** 1-based line and column. */
  line: number;
  column: number;
  message: string;
}

class JsonSyntax extends Error {
  offset: number;
  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

function describeChar(char: string | undefined): string {
  if (char === undefined) return 'the end of the text';
  if (char === '“' || char === '”' || char === '„')
    return `a curly quote (${char}); JSON needs straight double quotes (")`;
  if (char === "'" || char === '‘' || char === '’') return `a single quote (${char}); JSON needs double quotes (")`;
  if (char === '\n' || char === '\r') return 'a line break';
  return `"${char}"`;
}

/** Where JSON text first breaks the JSON grammar, or undefined when it is valid JSON. */
export function findJsonProblem(text: string): JsonProblem | undefined {
  let i = 0;
  const fail = (message: string, at = i): never => {
    throw new JsonSyntax(message, at);
  };
  const skipSpace = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const string = () => {
    const start = i;
    i++; // the opening quote
    for (;;) {
      const char = text[i];
      if (char === undefined) fail('this text in quotes is never closed: a " is missing', start);
      if (char === '"') {
        i++;
        return;
      }
      if (char === '\\') {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('\\u must be followed by four hex digits');
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else fail(`unknown escape \\${next ?? ''}: write a backslash as \\\\`);
      } else if (char! < ' ') {
        fail('a line break or tab inside quotes: write it as \\n or \\t');
      } else i++;
    }
  };
  // After a value: a comma or the closing bracket. Another value there means a forgotten
  // comma, best shown right after the value that needs it.
  const missingComma = (end: number, close: string): never => {
    const next = text[i];
    if (next !== undefined && /["{[\dtfn-]/.test(next)) fail('a comma is missing here, after the value', end);
    return fail(
      next === undefined
        ? `the text ends before the closing ${close}`
        : `expected a comma or ${close} after the value, found ${describeChar(next)}`,
    );
  };
  /**
   * The items of an object or array after its opening bracket, up to and including `close`:
   * `item` reads one (a field or a value), then a comma or the closing bracket must follow.
   */
  const items = (close: '}' | ']', item: () => void): void => {
    skipSpace();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      skipSpace();
      if (text[i] === close) fail(`a comma before ${close} : remove the last comma`);
      item();
      const end = i;
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === close) {
        i++;
        return;
      }
      missingComma(end, close);
    }
  };
  const field = (): void => {
    if (text[i] !== '"') fail(`expected a field name in double quotes, found ${describeChar(text[i])}`);
    string();
    skipSpace();
    if (text[i] !== ':') fail(`expected a colon (:) after the field name, found ${describeChar(text[i])}`);
    i++;
    value();
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const value = (): void => {
    skipSpace();
    const char = text[i];
    if (char === '{' || char === '[') {
      i++;
      return items(char === '{' ? '}' : ']', char === '{' ? field : value);
    }
    if (char === '"') return string();
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return;
      }
    }
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) {
      i = NUMBER.lastIndex;
      return;
    }
    fail(
      char === undefined ? 'the text ends where a value was expected' : `expected a value, found ${describeChar(char)}`,
    );
  };
  try {
    value();
    skipSpace();
    if (i < text.length) fail(`unexpected ${describeChar(text[i])} after the end of the document`);
    return undefined;
  } catch (error) {
    if (!(error instanceof JsonSyntax)) throw error;
    const before = text.slice(0, error.offset);
    const line = before.split('\n').length;
    const column = error.offset - (before.lastIndexOf('\n') + 1) + 1;
    return { offset: error.offset, line, column, message: error.message };
  }
}
