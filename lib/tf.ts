/**
 * The one place the library imports TensorFlow.js. Import `tf` from here, never from a tfjs package.
 *
 * - `@tensorflow/tfjs-core` + `@tensorflow/tfjs-backend-cpu` only (~140 KiB gzip in the browser; the
 *   full `@tensorflow/tfjs` would add WebGL, layers, converter and data for nothing).
 * - Gradients: tfjs-core registers none by itself, so `register_all_gradients` is imported for its side
 *   effect. Bundlers (Next/Turbopack/webpack) and vitest resolve its extensionless ES imports; `tsx`
 *   runs it too as long as the script is compiled as CommonJS, which is this repo's default
 *   (package.json has no "type": "module"; write scripts as `.ts`, not `.mts`). Plain Node ESM cannot
 *   load it (ERR_UNSUPPORTED_DIR_IMPORT): there, `import '@tensorflow/tfjs'` before this module instead.
 *   The gradient and kernel registries are global (shared by every copy of tfjs-core in the process),
 *   so registering through the ES files works for the CommonJS core that Node resolves.
 * - Backend: 'cpu', selected synchronously (the cpu backend has no async init), so results are the same
 *   float32 numbers in Node, vitest and every browser, and no WebGL is ever initialised.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';

if (tf.engine().backendName !== 'cpu') {
  // Resolves immediately for 'cpu'; the promise carries nothing we need.
  void tf.setBackend('cpu');
}

export { tf };
