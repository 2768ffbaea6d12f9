/*
 * Derived from js-yaml's parser (https://github.com/nodeca/js-yaml, lib/parser),
 * Copyright (C) 2011-2015 by Vitaly Puzrin, used under the MIT License:
 * Permission is hereby granted, free of charge, to any person obtaining a copy of this software
 * and associated documentation files (the "Software"), to deal in the Software without
 * restriction, including without limitation the rights to use, copy, modify, merge, publish,
 * distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
 * Software is furnished to do so, subject to the following conditions: The above copyright notice
 * and this permission notice shall be included in all copies or substantial portions of the
 * Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.
 */
/**
 * A port of js-yaml 5's event parser (parser.ts: parseNode, readBlockMapping, readBlockSequence,
 * readFlowCollection, the scalar readers, readDocument, parseEvents) that writes packed events
 * instead of event objects, for the inputs without node properties.
 *
 * Every branch keeps js-yaml's order and offsets, so the packed events are the ones
 * PackedEvents.fromEvents(parseEvents(text)) would give. Wherever js-yaml would throw, or the
 * input uses something this port leaves out (anchors, tags, aliases, directives, a byte order
 * mark, a flow sequence entry that is a `key: value` pair, a flow collection used as a block
 * mapping key), the parser throws FastScanBail and the caller falls back to js-yaml.
 *
 * The caller declines text with a character js-yaml's printable check refuses (fastScan's
 * pre-check), so js-yaml's checkPrintable is left out and the only control characters the
 * readers meet are tabs, line breaks and the `\0` sentinel. Runs of ordinary characters are
 * skipped with sticky regexes (ScanPatterns): native code from the first call, which matters
 * because a CLI parses once, mostly in V8's interpreter.
 */
import {
  CHOMP_CLIP,
  CHOMP_KEEP,
  CHOMP_STRIP,
  COLLECTION_BLOCK,
  COLLECTION_FLOW,
  EVENT_MAPPING,
  EVENT_SEQUENCE,
  FastScanEvents,
  SCALAR_DOUBLE_QUOTED,
  SCALAR_FOLDED,
  SCALAR_LITERAL,
  SCALAR_PLAIN,
  SCALAR_SINGLE_QUOTED,
} from './fast-scan-events.js';
import { PLAIN_START, ScanPatterns } from './fast-scan-chars.js';
import { FLOW_LINE_MAX_LEVELS, scanFlowLine } from './fast-scan-flow-line.js';

/** Thrown when the input is outside what this parser reproduces exactly (or is invalid). */
export class FastScanBail {
  constructor(readonly reason: string) {}
}

const CONTEXT_FLOW_IN = 1;
const CONTEXT_FLOW_OUT = 2;
const CONTEXT_BLOCK_IN = 3;
const CONTEXT_BLOCK_OUT = 4;

function isEol(c: number): boolean {
  return c === 10 || c === 13;
}
function isWhiteSpace(c: number): boolean {
  return c === 9 || c === 32;
}
function isWsOrEol(c: number): boolean {
  return c === 9 || c === 32 || c === 10 || c === 13;
}
function isWsOrEolOrEnd(c: number): boolean {
  return c === 0 || c === 9 || c === 32 || c === 10 || c === 13;
}
function isFlowIndicator(c: number): boolean {
  return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}
function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102);
}
function isSimpleEscape(c: number): boolean {
  return (
    c === 48 || c === 97 || c === 98 || c === 116 || c === 9 || c === 110 || c === 118 || c === 102 || c === 114 ||
    c === 101 || c === 32 || c === 34 || c === 47 || c === 92 || c === 78 || c === 95 || c === 76 || c === 80
  );
}

export class FastScanParser {
  /** The text with js-yaml's `\0` sentinel appended. */
  private readonly input: string;
  private readonly length: number;
  private readonly maxDepth: number;
  readonly events: FastScanEvents;
  private position = 0;
  private line = 0;
  private lineStart = 0;
  private lineIndent = 0;
  private firstTabInLine = -1;
  private depth = 0;
  private readonly flowStates = new Int32Array(2 * FLOW_LINE_MAX_LEVELS);
  private readonly patterns = new ScanPatterns();

  constructor(text: string, maxDepth: number) {
    // join (unlike `+`) gives a flat string, which charCodeAt reads ~30% faster than a cons string.
    this.input = [text, '\0'].join('');
    this.length = text.length;
    this.maxDepth = maxDepth;
    // Real inventories have about one event per 10 characters.
    this.events = new FastScanEvents((text.length >> 3) + 16);
  }

  private bail(reason: string): never {
    throw new FastScanBail(reason);
  }

  /** parseEvents' stream loop. */
  run(): FastScanEvents {
    while (this.position < this.length) {
      // skipByteOrderMark: the caller refuses any U+FEFF.
      this.skipSeparationSpace(true);
      if (this.position >= this.length) break;
      const documentStart = this.position;
      this.readDocument();
      if (this.position === documentStart) this.bail('can not read a document');
    }
    return this.events;
  }

  private consumeLineBreak(): void {
    const input = this.input;
    if (input.charCodeAt(this.position) === 10) this.position++;
    else {
      this.position++;
      if (input.charCodeAt(this.position) === 10) this.position++;
    }
    this.line++;
    this.lineStart = this.position;
    this.lineIndent = 0;
    this.firstTabInLine = -1;
  }

  private skipSeparationSpace(allowComments: boolean): number {
    const input = this.input;
    let position = this.position;
    let lineBreaks = 0;
    let ch = input.charCodeAt(position);
    let hasSeparation = position === this.lineStart || isWsOrEol(input.charCodeAt(position - 1));
    while (ch !== 0) {
      while (ch === 32 || ch === 9) {
        hasSeparation = true;
        if (ch === 9 && this.firstTabInLine === -1) this.firstTabInLine = position;
        ch = input.charCodeAt(++position);
      }
      if (allowComments && hasSeparation && ch === 35) {
        const lineRest = this.patterns.lineRest;
        lineRest.lastIndex = position;
        lineRest.test(input);
        position = lineRest.lastIndex;
        ch = input.charCodeAt(position);
      }
      if (ch !== 10 && ch !== 13) break;
      // consumeLineBreak
      if (ch === 10) position++;
      else {
        position++;
        if (input.charCodeAt(position) === 10) position++;
      }
      this.line++;
      this.lineStart = position;
      this.firstTabInLine = -1;
      lineBreaks++;
      hasSeparation = true;
      const spaces = this.patterns.spaces;
      spaces.lastIndex = position;
      spaces.test(input);
      this.lineIndent = spaces.lastIndex - position;
      position = spaces.lastIndex;
      ch = input.charCodeAt(position);
    }
    this.position = position;
    return lineBreaks;
  }

  private testDocumentSeparator(position: number): boolean {
    const input = this.input;
    const ch = input.charCodeAt(position);
    if ((ch === 45 || ch === 46) && ch === input.charCodeAt(position + 1) && ch === input.charCodeAt(position + 2)) {
      const following = input.charCodeAt(position + 3);
      return following === 0 || isWsOrEol(following);
    }
    return false;
  }

  /** testDocumentBoundary without the byte-order-mark case (the caller refuses U+FEFF). */
  private testDocumentBoundary(): boolean {
    if (this.position !== this.lineStart) return false;
    return this.testDocumentSeparator(this.position);
  }

  private skipUntilLineEnd(): void {
    const lineRest = this.patterns.lineRest;
    lineRest.lastIndex = this.position;
    lineRest.test(this.input);
    this.position = lineRest.lastIndex;
  }

  private readFlowScalarBreak(nodeIndent: number): void {
    this.skipSeparationSpace(false);
    if (this.lineIndent < nodeIndent) this.bail('deficient indentation');
  }

  private readSingleQuotedScalar(nodeIndent: number): boolean {
    const input = this.input;
    if (input.charCodeAt(this.position) !== 39) return false;
    let position = this.position + 1;
    const start = position;
    let simple = true;
    let ch = input.charCodeAt(position);
    while (ch !== 0) {
      // Ordinary characters (not a quote, a line break or a control): position > lineStart here
      // except right after a line break, which the slow path below handles.
      if (position !== this.lineStart && ch !== 39 && ch !== 10 && ch !== 13) {
        const run = this.patterns.singleQuotedRun;
        run.lastIndex = position;
        run.test(input);
        position = run.lastIndex;
        ch = input.charCodeAt(position);
        continue;
      }
      if (ch === 39) {
        if (input.charCodeAt(position + 1) === 39) {
          simple = false;
          position += 2;
          ch = input.charCodeAt(position);
          continue;
        }
        this.position = position + 1;
        this.events.scalar(start, position, SCALAR_SINGLE_QUOTED, CHOMP_CLIP, -1, simple);
        return true;
      }
      if (ch === 10 || ch === 13) {
        simple = false;
        this.position = position;
        this.readFlowScalarBreak(nodeIndent);
        position = this.position;
      } else if (position === this.lineStart && this.testDocumentSeparator(position)) {
        this.bail('unexpected end of the document within a single quoted scalar');
      } else if (ch !== 9 && ch < 32) this.bail('expected valid JSON character');
      else position++;
      ch = input.charCodeAt(position);
    }
    this.bail('unexpected end of the stream within a single quoted scalar');
  }

  private readDoubleQuotedScalar(nodeIndent: number): boolean {
    const input = this.input;
    if (input.charCodeAt(this.position) !== 34) return false;
    let position = this.position + 1;
    const start = position;
    let simple = true;
    let ch = input.charCodeAt(position);
    while (ch !== 0) {
      if (position !== this.lineStart && ch !== 34 && ch !== 92 && ch !== 10 && ch !== 13) {
        const run = this.patterns.doubleQuotedRun;
        run.lastIndex = position;
        run.test(input);
        position = run.lastIndex;
        ch = input.charCodeAt(position);
        continue;
      }
      if (ch === 34) {
        this.position = position + 1;
        this.events.scalar(start, position, SCALAR_DOUBLE_QUOTED, CHOMP_CLIP, -1, simple);
        return true;
      }
      if (ch === 92) {
        simple = false;
        const escaped = input.charCodeAt(++position);
        if (escaped === 10 || escaped === 13) {
          this.position = position;
          this.readFlowScalarBreak(nodeIndent);
          position = this.position;
        } else if (isSimpleEscape(escaped)) position++;
        else {
          let hexLength = escaped === 120 ? 2 : escaped === 117 ? 4 : escaped === 85 ? 8 : 0;
          if (hexLength === 0) this.bail('unknown escape sequence');
          while (hexLength-- > 0) {
            position++;
            if (!isHex(input.charCodeAt(position))) this.bail('expected hexadecimal character');
          }
          position++;
        }
      } else if (ch === 10 || ch === 13) {
        simple = false;
        this.position = position;
        this.readFlowScalarBreak(nodeIndent);
        position = this.position;
      } else if (position === this.lineStart && this.testDocumentSeparator(position)) {
        this.bail('unexpected end of the document within a double quoted scalar');
      } else if (ch !== 9 && ch < 32) this.bail('expected valid JSON character');
      else position++;
      ch = input.charCodeAt(position);
    }
    this.bail('unexpected end of the stream within a double quoted scalar');
  }

  private readBlockScalar(parentIndent: number): boolean {
    const input = this.input;
    const ch = input.charCodeAt(this.position);
    let chomping = CHOMP_CLIP;
    let indent = -1;
    let detectedIndent = false;
    if (ch !== 124 && ch !== 62) return false;
    const style = ch === 124 ? SCALAR_LITERAL : SCALAR_FOLDED;
    this.position++;
    while (input.charCodeAt(this.position) !== 0) {
      const current = input.charCodeAt(this.position);
      const digit = current >= 48 && current <= 57 ? current - 48 : -1;
      if (current === 43 || current === 45) {
        if (chomping !== CHOMP_CLIP) this.bail('repeat of a chomping mode identifier');
        chomping = current === 43 ? CHOMP_KEEP : CHOMP_STRIP;
        this.position++;
      } else if (digit >= 0) {
        if (digit === 0) this.bail('bad explicit indentation width of a block scalar');
        if (detectedIndent) this.bail('repeat of an indentation width identifier');
        indent = parentIndent + digit - 1;
        detectedIndent = true;
        this.position++;
      } else break;
    }
    let hadWhitespace = false;
    while (isWhiteSpace(input.charCodeAt(this.position))) {
      hadWhitespace = true;
      this.position++;
    }
    if (hadWhitespace && input.charCodeAt(this.position) === 35) this.skipUntilLineEnd();
    if (isEol(input.charCodeAt(this.position))) this.consumeLineBreak();
    else if (input.charCodeAt(this.position) !== 0) this.bail('a line break is expected');
    let contentIndent = detectedIndent ? indent : -1;
    let maxLeadingIndent = 0;
    const valueStart = this.position;
    let valueEnd = this.position;
    while (input.charCodeAt(this.position) !== 0) {
      const linePosition = this.position;
      let column = 0;
      while (input.charCodeAt(linePosition + column) === 32) column++;
      const first = input.charCodeAt(linePosition + column);
      if (first === 0) {
        if (contentIndent >= 0) {
          if (column > contentIndent) valueEnd = linePosition + column;
        } else if (column > 0) valueEnd = linePosition + column;
        break;
      }
      if (this.testDocumentBoundary()) break;
      const eol = isEol(first);
      if (!detectedIndent && contentIndent === -1 && eol) maxLeadingIndent = Math.max(maxLeadingIndent, column);
      if (!detectedIndent && contentIndent === -1 && !eol) {
        if (first === 9 && column < parentIndent) this.bail('tab characters must not be used in indentation');
        if (column >= parentIndent && column < maxLeadingIndent) this.bail('bad indentation of a mapping entry');
      }
      if (contentIndent === -1 && !eol && column < parentIndent) {
        this.lineIndent = column;
        this.position = linePosition + column;
        break;
      }
      if (!detectedIndent && !eol && contentIndent === -1) contentIndent = column;
      const requiredIndent = contentIndent === -1 ? parentIndent + 1 : contentIndent;
      if (!eol && column < requiredIndent) {
        this.lineIndent = column;
        this.position = linePosition + column;
        break;
      }
      this.skipUntilLineEnd();
      valueEnd = this.position;
      if (isEol(input.charCodeAt(this.position))) {
        this.consumeLineBreak();
        valueEnd = this.position;
      }
    }
    this.events.scalar(valueStart, valueEnd, style, chomping, contentIndent, false);
    return true;
  }

  private canStartPlainScalar(nodeContext: number): boolean {
    const input = this.input;
    const ch = input.charCodeAt(this.position);
    if (
      ch === 0 || isWsOrEol(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 ||
      ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96 || isFlowIndicator(ch)
    ) {
      return false;
    }
    if (ch === 63 || ch === 45) {
      const following = input.charCodeAt(this.position + 1);
      if (isWsOrEolOrEnd(following) || (nodeContext === CONTEXT_FLOW_IN && isFlowIndicator(following))) return false;
    }
    return true;
  }

  private readPlainScalar(nodeIndent: number, nodeContext: number): boolean {
    if (!this.canStartPlainScalar(nodeContext)) return false;
    const input = this.input;
    let position = this.position;
    const start = position;
    let end = position;
    let ch = input.charCodeAt(position);
    const inFlow = nodeContext === CONTEXT_FLOW_IN;
    const run = inFlow ? this.patterns.flowPlainRun : this.patterns.blockPlainRun;
    let multiline = false;
    let lineStart = this.lineStart;
    while (ch !== 0) {
      // A run of characters that neither end the scalar nor are blanks, away from a line start.
      if (position !== lineStart) {
        run.lastIndex = position;
        run.test(input);
        if (run.lastIndex !== position) {
          position = end = run.lastIndex;
          ch = input.charCodeAt(position);
          continue;
        }
      }
      if (position === lineStart && this.testDocumentSeparator(position)) break;
      if (ch === 58) {
        const following = input.charCodeAt(position + 1);
        if (isWsOrEolOrEnd(following) || (inFlow && isFlowIndicator(following))) break;
      } else if (ch === 35) {
        if (isWsOrEol(input.charCodeAt(position - 1))) break;
      } else if (inFlow && isFlowIndicator(ch)) break;
      else if (ch === 10 || ch === 13) {
        const savedLine = this.line;
        const savedLineIndent = this.lineIndent;
        this.position = position;
        this.skipSeparationSpace(false);
        if (this.lineIndent >= nodeIndent) {
          multiline = true;
          position = this.position;
          lineStart = this.lineStart;
          ch = input.charCodeAt(position);
          continue;
        }
        // js-yaml restores position, line, lineStart and lineIndent (not firstTabInLine).
        this.line = savedLine;
        this.lineStart = lineStart;
        this.lineIndent = savedLineIndent;
        break;
      }
      if (ch !== 32 && ch !== 9) end = position + 1;
      ch = input.charCodeAt(++position);
    }
    this.position = position;
    if (end === start) return false;
    this.events.scalar(start, end, SCALAR_PLAIN, CHOMP_CLIP, -1, !multiline);
    return true;
  }

  private skipFlowSeparationSpace(nodeIndent: number): void {
    const startLine = this.line;
    this.skipSeparationSpace(true);
    if ((this.line > startLine && this.lineIndent < nodeIndent) || (this.firstTabInLine !== -1 && this.lineIndent < nodeIndent)) {
      this.bail('deficient indentation');
    }
  }

  private readFlowCollection(nodeIndent: number): boolean {
    const input = this.input;
    let ch = input.charCodeAt(this.position);
    if (ch !== 91 && ch !== 123) return false;
    if (this.firstTabInLine === -1) {
      const end = scanFlowLine(input, this.position, this.events, this.maxDepth - this.depth, this.flowStates, this.patterns);
      if (end >= 0) {
        this.position = end;
        return true;
      }
    }
    const isMapping = ch === 123;
    const terminator = isMapping ? 125 : 93;
    this.events.collection(isMapping ? EVENT_MAPPING : EVENT_SEQUENCE, this.position, COLLECTION_FLOW);
    this.position++;
    let readNext = true;
    while (input.charCodeAt(this.position) !== 0) {
      this.skipFlowSeparationSpace(nodeIndent);
      ch = input.charCodeAt(this.position);
      if (ch === terminator) {
        this.position++;
        this.events.pop();
        return true;
      } else if (!readNext) this.bail('missed comma between flow collection entries');
      else if (ch === 44) this.bail("expected the node content, but found ','");
      let isPair = false;
      let isExplicitPair = false;
      if (ch === 63 && isWsOrEol(input.charCodeAt(this.position + 1))) {
        isPair = isExplicitPair = true;
        this.position += 1;
        this.skipFlowSeparationSpace(nodeIndent);
      }
      const entryLine = this.line;
      const keyWasRead = this.parseNode(nodeIndent, CONTEXT_FLOW_IN, false, true);
      this.skipFlowSeparationSpace(nodeIndent);
      ch = input.charCodeAt(this.position);
      if ((isMapping || isExplicitPair || this.line === entryLine) && ch === 58) {
        // A pair inside a flow sequence makes js-yaml insert a mapping event before the key.
        if (!isMapping) this.bail('flow sequence entry is a pair');
        this.position++;
        this.skipFlowSeparationSpace(nodeIndent);
        if (!keyWasRead) this.events.emptyScalar();
        if (!this.parseNode(nodeIndent, CONTEXT_FLOW_IN, false, true)) this.events.emptyScalar();
        this.skipFlowSeparationSpace(nodeIndent);
      } else if (isMapping && isPair) {
        if (!keyWasRead) this.events.emptyScalar();
        this.events.emptyScalar();
      } else if (isMapping) this.events.emptyScalar();
      else if (isPair) this.bail('flow sequence entry is a pair');
      ch = input.charCodeAt(this.position);
      if (ch === 44) {
        readNext = true;
        this.position++;
      } else readNext = false;
    }
    this.bail('unexpected end of the stream within a flow collection');
  }

  private readBlockSequence(nodeIndent: number): boolean {
    const input = this.input;
    if (this.firstTabInLine !== -1 || input.charCodeAt(this.position) !== 45 || !isWsOrEolOrEnd(input.charCodeAt(this.position + 1))) {
      return false;
    }
    this.events.collection(EVENT_SEQUENCE, this.position, COLLECTION_BLOCK);
    while (input.charCodeAt(this.position) === 45 && isWsOrEolOrEnd(input.charCodeAt(this.position + 1))) {
      if (this.firstTabInLine !== -1) this.bail('tab characters must not be used in indentation');
      const entryLine = this.line;
      this.position++;
      const hadBreak = this.skipSeparationSpace(true) > 0;
      if (this.firstTabInLine !== -1 && input.charCodeAt(this.position) === 45 && isWsOrEolOrEnd(input.charCodeAt(this.position + 1))) {
        this.bail('bad indentation of a sequence entry');
      }
      if (hadBreak && this.lineIndent <= nodeIndent) this.events.emptyScalar();
      else if (!this.flowLineEntry()) this.parseNode(nodeIndent, CONTEXT_BLOCK_IN, false, true);
      this.skipSeparationSpace(true);
      if (this.lineIndent < nodeIndent || this.position >= this.length) break;
      if (this.lineIndent > nodeIndent) this.bail('bad indentation of a sequence entry');
      if (this.line === entryLine && input.charCodeAt(this.position) === 45 && isWsOrEolOrEnd(input.charCodeAt(this.position + 1))) {
        this.bail('bad indentation of a sequence entry');
      }
    }
    this.events.pop();
    return true;
  }

  private readBlockMapping(nodeIndent: number, flowIndent: number): boolean {
    const input = this.input;
    const events = this.events;
    let atExplicitKey = false;
    let detected = false;
    let mappingOpened = false;
    let pendingExplicitKey = false;
    if (this.firstTabInLine !== -1) return false;
    let ch = input.charCodeAt(this.position);
    while (ch !== 0) {
      if (!atExplicitKey && this.firstTabInLine !== -1) this.bail('tab characters must not be used in indentation');
      const following = input.charCodeAt(this.position + 1);
      const entryLine = this.line;
      if ((ch === 63 || ch === 58) && isWsOrEolOrEnd(following)) {
        if (!mappingOpened) {
          events.collection(EVENT_MAPPING, this.position, COLLECTION_BLOCK);
          mappingOpened = true;
        }
        if (ch === 63) {
          if (atExplicitKey) events.emptyScalar();
          detected = true;
          atExplicitKey = true;
        } else if (atExplicitKey) atExplicitKey = false;
        else {
          events.emptyScalar();
          detected = true;
          atExplicitKey = false;
        }
        this.position += 1;
        pendingExplicitKey = true;
      } else {
        if (atExplicitKey) {
          events.emptyScalar();
          atExplicitKey = false;
        }
        const keyPosition = this.position;
        const keyEnd = this.plainKeyEnd(ch);
        if (keyEnd >= 0) {
          // The common entry: a one-line plain key and `: ` (what parseNode would read, directly).
          if (!mappingOpened) {
            events.collection(EVENT_MAPPING, keyPosition, COLLECTION_BLOCK);
            mappingOpened = true;
          }
          events.scalar(keyPosition, keyEnd, SCALAR_PLAIN, CHOMP_CLIP, -1, true);
          this.position = keyEnd + 1;
          detected = true;
          atExplicitKey = false;
          pendingExplicitKey = false;
          if (this.plainValueLine(nodeIndent)) {
            // The value and the line break after it are read too; the next line is no deeper.
            if (this.lineIndent < nodeIndent) break;
            ch = input.charCodeAt(this.position);
            continue;
          }
        } else {
          const keyEvents = events.length;
          if (!this.parseNode(flowIndent, CONTEXT_FLOW_OUT, false, true)) break;
          if (this.line === entryLine) {
            ch = input.charCodeAt(this.position);
            while (ch === 32 || ch === 9) ch = input.charCodeAt(++this.position);
            if (ch === 58) {
              ch = input.charCodeAt(++this.position);
              if (!isWsOrEolOrEnd(ch)) this.bail('a whitespace character is expected after the key-value separator');
              if (!mappingOpened) {
                if (!events.insertMapping(keyEvents, keyPosition)) this.bail('block mapping key is a collection');
                mappingOpened = true;
              }
              detected = true;
              atExplicitKey = false;
              pendingExplicitKey = false;
            } else if (detected) this.bail("expected ':' after a mapping key");
            else return true;
          } else if (detected) this.bail('a multiline key may not be an implicit key');
          else return true;
        }
      }
      if (this.parseNode(nodeIndent, CONTEXT_BLOCK_OUT, true, pendingExplicitKey)) pendingExplicitKey = false;
      if (!atExplicitKey && pendingExplicitKey) {
        events.emptyScalar();
        pendingExplicitKey = false;
      }
      this.skipSeparationSpace(true);
      ch = input.charCodeAt(this.position);
      if ((this.line === entryLine || this.lineIndent > nodeIndent) && ch !== 0) this.bail('bad indentation of a mapping entry');
      else if (this.lineIndent < nodeIndent) break;
    }
    if (!detected) return false;
    if (atExplicitKey) events.emptyScalar();
    if (mappingOpened) events.pop();
    return true;
  }

  /**
   * Where a block mapping's key at the position ends (its `:`), when it is a plain scalar on
   * one line followed by `: ` or `:` and a line feed, made of characters that cannot end it; -1 otherwise (the general
   * path then reads it). `ch` is the character at the position.
   */
  private plainKeyEnd(ch: number): number {
    if ((ch < 128 && PLAIN_START[ch] !== 1) || this.depth >= this.maxDepth) return -1;
    const input = this.input;
    const position = this.position;
    if (position === this.lineStart && this.testDocumentSeparator(position)) return -1;
    const run = this.patterns.blockPlainRun;
    run.lastIndex = position;
    run.test(input);
    const end = run.lastIndex;
    const following = input.charCodeAt(end + 1);
    if (input.charCodeAt(end) !== 58 || (following !== 32 && following !== 10)) return -1;
    // canStartPlainScalar: `-` and `?` start a scalar only when a non-blank follows.
    if ((ch === 45 || ch === 63) && end - position < 2) return -1;
    return end;
  }

  /**
   * Reads a block mapping value that is a plain scalar filling the rest of the line after
   * `: ` (the position is at that space), when the next line is not blank, a comment, nor
   * indented deeper than `nodeIndent` (no continuation): parseNode's and the mapping's
   * skipSeparationSpace in one go, ending at the next line's first non-space like them.
   * Returns false, having changed nothing, for any other value.
   */
  private plainValueLine(nodeIndent: number): boolean {
    if (this.depth >= this.maxDepth) return false;
    const input = this.input;
    let position = this.position;
    let ch = input.charCodeAt(position);
    while (ch === 32) ch = input.charCodeAt(++position);
    if (ch < 128 && PLAIN_START[ch] !== 1) return false;
    const run = this.patterns.blockPlainRun;
    run.lastIndex = position;
    run.test(input);
    const end = run.lastIndex;
    if (input.charCodeAt(end) !== 10 || ((ch === 45 || ch === 63) && end - position < 2)) return false;
    const spaces = this.patterns.spaces;
    spaces.lastIndex = end + 1;
    spaces.test(input);
    const next = spaces.lastIndex;
    const indent = next - end - 1;
    const following = input.charCodeAt(next);
    if (indent > nodeIndent || following === 10 || following === 13 || following === 9 || following === 35 || following === 0) {
      return false;
    }
    this.events.scalar(position, end, SCALAR_PLAIN, CHOMP_CLIP, -1, true);
    this.position = next;
    this.line++;
    this.lineStart = end + 1;
    this.lineIndent = indent;
    this.firstTabInLine = -1;
    return true;
  }

  /**
   * Reads a block sequence entry that is a flow collection on one line (`- { name: x }`) the
   * way parseNode(BLOCK_IN) would, without its detour: js-yaml tries the entry as a block
   * mapping, reads the collection as a possible key and, with no `:` after it, keeps it as the
   * node. Returns false, having changed nothing, when the entry is anything else.
   */
  private flowLineEntry(): boolean {
    const input = this.input;
    const ch = input.charCodeAt(this.position);
    // parseNode(BLOCK_IN) and the key's parseNode(FLOW_OUT) each take a level of depth.
    if ((ch !== 123 && ch !== 91) || this.firstTabInLine !== -1 || this.depth + 2 > this.maxDepth) return false;
    const end = scanFlowLine(input, this.position, this.events, this.maxDepth - this.depth - 2, this.flowStates, this.patterns);
    if (end < 0) return false;
    let position = end;
    let next = input.charCodeAt(position);
    while (next === 32 || next === 9) next = input.charCodeAt(++position);
    this.position = position;
    if (next === 58) this.bail('block mapping key is a collection');
    return true;
  }

  private parseNode(parentIndent: number, nodeContext: number, allowToSeek: boolean, allowCompact: boolean): boolean {
    if (this.depth >= this.maxDepth) this.bail('nesting exceeded maxDepth');
    this.depth++;
    let indentStatus = 1;
    let atNewLine = false;
    let hasContent = false;
    const allowBlockStyles = nodeContext === CONTEXT_BLOCK_OUT || nodeContext === CONTEXT_BLOCK_IN;
    if (allowToSeek && this.skipSeparationSpace(true) > 0) {
      atNewLine = true;
      if (this.lineIndent > parentIndent) indentStatus = 1;
      else if (this.lineIndent === parentIndent) indentStatus = 0;
      else indentStatus = -1;
    }
    const input = this.input;
    const ch = input.charCodeAt(this.position);
    // Node properties (tags `!`, anchors `&`) are left to js-yaml.
    if (indentStatus === 1 && (ch === 33 || ch === 38)) this.bail('node properties');
    const allowBlockCollections = allowBlockStyles && (atNewLine || allowCompact);
    if (indentStatus === 1 || nodeContext === CONTEXT_BLOCK_OUT) {
      const flowIndent = nodeContext === CONTEXT_FLOW_IN || nodeContext === CONTEXT_FLOW_OUT ? parentIndent : parentIndent + 1;
      const blockIndent = this.position - this.lineStart;
      if (indentStatus === 1) {
        // js-yaml tries the readers in turn; each declines unless the node starts with its
        // character, so dispatching on it gives the same result (the block readers do not move
        // the position when they decline).
        if (allowBlockCollections && ((ch === 45 && this.readBlockSequence(blockIndent)) || this.readBlockMapping(blockIndent, flowIndent))) {
          hasContent = true;
        } else if (ch === 91 || ch === 123) hasContent = this.readFlowCollection(flowIndent);
        else if (ch === 39) hasContent = this.readSingleQuotedScalar(flowIndent);
        else if (ch === 34) hasContent = this.readDoubleQuotedScalar(flowIndent);
        else if (ch === 124 || ch === 62) hasContent = allowBlockStyles && this.readBlockScalar(flowIndent);
        else if (ch === 42) this.bail('alias');
        else hasContent = this.readPlainScalar(flowIndent, nodeContext);
      } else if (indentStatus === 0) hasContent = allowBlockCollections && this.readBlockSequence(blockIndent);
    }
    if (!hasContent && allowBlockStyles) {
      this.events.emptyScalar();
      hasContent = true;
    }
    this.depth--;
    return hasContent;
  }

  private readDocument(): void {
    const input = this.input;
    this.skipSeparationSpace(true);
    if (this.lineIndent === 0 && input.charCodeAt(this.position) === 37) this.bail('directive');
    let explicitStart = false;
    let allowCompact = true;
    if (
      this.lineIndent === 0 &&
      input.charCodeAt(this.position) === 45 &&
      input.charCodeAt(this.position + 1) === 45 &&
      input.charCodeAt(this.position + 2) === 45 &&
      isWsOrEolOrEnd(input.charCodeAt(this.position + 3))
    ) {
      explicitStart = true;
      const markerLine = this.line;
      this.position += 3;
      this.skipSeparationSpace(true);
      allowCompact = this.line > markerLine;
    }
    if (!explicitStart && this.position === this.lineStart && input.charCodeAt(this.position) === 46 && this.testDocumentSeparator(this.position)) {
      this.position += 3;
      this.skipSeparationSpace(true);
      return;
    }
    this.events.document();
    if (!this.parseNode(this.lineIndent - 1, CONTEXT_BLOCK_OUT, false, allowCompact)) this.events.emptyScalar();
    this.skipSeparationSpace(true);
    let explicitEnd = false;
    if (this.position === this.lineStart && this.testDocumentSeparator(this.position)) {
      explicitEnd = input.charCodeAt(this.position) === 46;
      if (explicitEnd) {
        const markerLine = this.line;
        this.position += 3;
        this.skipSeparationSpace(true);
        if (this.line === markerLine && this.position < this.length) this.bail('end of the stream or a document separator is expected');
      }
    }
    this.events.pop();
    if (!explicitEnd && this.position < this.length && !this.testDocumentBoundary()) {
      this.bail('end of the stream or a document separator is expected');
    }
  }
}
