/**
 * The TypeScript transform of the jest projects: ts-jest (tsconfig.dev.json; `isolatedModules`, so
 * each file is transpiled on its own, without type-checking), and then one line more in every
 * module: the built-in globals the code uses bound as module-local variables.
 *
 * Why: jest runs each test file in a `vm` context, and V8 looks every free global name of code in
 * such a context (`Math`, `Object`, `JSON`, `Map`, …) up through the context's global-object
 * interceptor, a call into Node that is many times slower than a variable read (a PNG decode
 * loop calling `Math.abs` ran ~15x slower under jest than under plain node). Binding the same
 * objects once per module makes each use a plain variable read. Nothing else changes: each name
 * is bound to the very object the global name resolves to when the module loads, and none of them
 * is replaced at run time by jest or by these tests (no fake timers: `Date`, `setTimeout` and the
 * console, which jest can swap, are left alone).
 *
 * The line goes after the `"use strict";` directive TypeScript emits first (so the module stays
 * strict) and on the same line, so line numbers in stack traces and source maps do not move.
 */
const tsJest = require('ts-jest').default;

/** Built-ins that jest never swaps; `typeof` guards the ones a runtime may lack. */
const NAMES = [
  'Object', 'Array', 'Math', 'JSON', 'Number', 'String', 'Boolean', 'Symbol', 'BigInt', 'Reflect',
  'Map', 'Set', 'WeakMap', 'WeakSet', 'Promise', 'RegExp', 'Intl',
  'Error', 'TypeError', 'RangeError', 'SyntaxError',
  'ArrayBuffer', 'DataView', 'Uint8Array', 'Uint16Array', 'Uint32Array', 'Int32Array', 'Float64Array',
  'parseInt', 'parseFloat', 'isNaN', 'isFinite', 'encodeURIComponent', 'decodeURIComponent', 'structuredClone',
];
const PRELUDE = `var ${NAMES.map((n) => `${n} = globalThis.${n}`).join(', ')};`;
const STRICT = /^(\s*(?:"use strict"|'use strict');?)/;

function withPrelude(code) {
  const m = STRICT.exec(code);
  return m ? `${m[1]} ${PRELUDE}${code.slice(m[1].length)}` : `${PRELUDE}${code}`;
}

module.exports = {
  createTransformer(options) {
    const inner = tsJest.createTransformer(options);
    return {
      canInstrument: inner.canInstrument,
      getCacheKey: (...args) => `${inner.getCacheKey(...args)}:globals-prelude-1`,
      getCacheKeyAsync: async (...args) => `${await inner.getCacheKeyAsync(...args)}:globals-prelude-1`,
      process(...args) {
        const out = inner.process(...args);
        return { ...out, code: withPrelude(out.code) };
      },
      async processAsync(...args) {
        const out = await inner.processAsync(...args);
        return { ...out, code: withPrelude(out.code) };
      },
    };
  },
};
